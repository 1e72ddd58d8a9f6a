using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Slack.Handlers;

internal static class SlackActors
{
    public static Actor For(string teamId, string userId) => new(new WorkspaceId(ChatPlatform.Slack, teamId), userId);
}
