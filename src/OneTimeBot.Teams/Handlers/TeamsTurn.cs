using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Activities;

namespace OneTimeBot.Teams.Handlers;

/// <summary>An authenticated activity a route handles, with the person in their tenant who sent it.</summary>
public sealed record TeamsTurn(Activity Activity, Actor Actor)
{
    /// <summary>
    /// The turn for an activity whose sender Teams named: their Azure AD object id when Teams gives it (stable across
    /// chats), else their channel id; with how to message them privately later and their Teams language, all from the
    /// verified activity.
    /// </summary>
    public static TeamsTurn? For(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.TenantId is not { } tenant || (activity.From?.AadObjectId ?? activity.From?.Id) is not { Length: > 0 } user)
        {
            return null;
        }

        var reach = new ChatReach(ServiceUrl: activity.ServiceUrl, BotId: activity.Recipient?.Id, ChannelUserId: activity.From?.Id, Name: activity.From?.Name,
            Locale: LanguageTag(activity.Locale));
        return new TeamsTurn(activity, new Actor(new WorkspaceId(ChatPlatform.Teams, tenant), user) { Reach = reach });
    }

    /// <summary>
    /// The tag as Teams gave it, kept with the person for what is sent to them later, when it looks like a language tag
    /// (<c>sv-SE</c>, <c>en-US</c>); anything longer or odder is not kept, and they are then written to in English.
    /// </summary>
    private static string? LanguageTag(string? locale) =>
        locale is { Length: > 0 and <= 35 } && locale.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? locale : null;
}
