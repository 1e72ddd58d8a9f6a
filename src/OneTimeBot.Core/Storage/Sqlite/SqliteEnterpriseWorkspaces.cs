using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Storage.Sqlite;

/// <summary>Reads the Slack team ids a query for an Enterprise Grid org's workspaces answers, one a row.</summary>
internal static class SqliteEnterpriseWorkspaces
{
    public static IReadOnlyList<WorkspaceId> Read(SqliteStatements statements, string sql, string enterpriseId)
    {
        var command = statements.Prepare(sql, [("$enterprise", enterpriseId)]);
        try
        {
            using var reader = command.ExecuteReader();
            var workspaces = new List<WorkspaceId>();
            while (reader.Read())
            {
                if (!reader.IsDBNull(0) && reader.GetString(0) is { Length: > 0 } team)
                {
                    workspaces.Add(new WorkspaceId(ChatPlatform.Slack, team));
                }
            }

            return workspaces;
        }
        finally
        {
            command.Parameters.Clear();
        }
    }
}
