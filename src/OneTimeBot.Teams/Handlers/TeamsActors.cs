using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Activities;

namespace OneTimeBot.Teams.Handlers;

internal static class TeamsActors
{
    /// <summary>The person in their tenant: Azure AD object id when Teams gives it (stable across chats), else the channel id.</summary>
    public static Actor? For(Activity activity) =>
        activity.TenantId is { } tenant && (activity.From?.AadObjectId ?? activity.From?.Id) is { Length: > 0 } user
            ? new Actor(new WorkspaceId(ChatPlatform.Teams, tenant), user)
            : null;
}
