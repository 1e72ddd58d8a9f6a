using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Activities;

namespace OneTimeBot.Teams.Handlers;

/// <summary>An authenticated activity a route handles, with the person in their tenant who sent it.</summary>
public sealed record TeamsTurn(Activity Activity, Actor Actor)
{
    /// <summary>The turn for an activity whose sender Teams named: their Azure AD object id when Teams gives it (stable across chats), else their channel id.</summary>
    public static TeamsTurn? For(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.TenantId is { } tenant && (activity.From?.AadObjectId ?? activity.From?.Id) is { Length: > 0 } user
            ? new TeamsTurn(activity, new Actor(new WorkspaceId(ChatPlatform.Teams, tenant), user))
            : null;
    }
}
