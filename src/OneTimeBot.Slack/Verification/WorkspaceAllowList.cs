using Microsoft.Extensions.Options;
using OneTimeBot.Slack.Configuration;

namespace OneTimeBot.Slack.Verification;

/// <summary>
/// The workspaces this app serves, from <see cref="SlackOptions.AllowedTeams"/> and <see cref="SlackOptions.AllowedEnterprises"/>.
/// With both empty, any. Otherwise a request (or an install) is served when its enterprise is listed, or when it names
/// at least one team and every team it names is listed: a request that also names an unlisted workspace (a user from
/// another workspace, say) is not.
/// </summary>
public sealed class WorkspaceAllowList(IOptions<SlackOptions> options)
{
    private readonly HashSet<string> _teams = Ids(options.Value.AllowedTeams);
    private readonly HashSet<string> _enterprises = Ids(options.Value.AllowedEnterprises);

    private bool IsRestricted => _teams.Count > 0 || _enterprises.Count > 0;

    public bool Allows(string? enterpriseId, params ReadOnlySpan<string?> teamIds)
    {
        if (!IsRestricted || (enterpriseId is { Length: > 0 } enterprise && _enterprises.Contains(enterprise)))
        {
            return true;
        }

        var named = 0;
        foreach (var team in teamIds)
        {
            if (string.IsNullOrEmpty(team))
            {
                continue;
            }

            if (!_teams.Contains(team))
            {
                return false;
            }

            named++;
        }

        return named > 0;
    }

    private static HashSet<string> Ids(IEnumerable<string> configured) =>
        new(configured.Select(id => id.Trim()).Where(id => id.Length > 0), StringComparer.Ordinal);
}
