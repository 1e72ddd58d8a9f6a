using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.Delivery;
using OneTimeBot.Slack.Views;

namespace OneTimeBot.Slack.Handlers;

/// <summary>
/// Who asked, in which workspace, and where the answer goes: what every Slack request carries, whatever its kind.
/// <see cref="TriggerId"/> is there when a modal may be opened in answer (a command or a button, for about 3 s).
/// </summary>
public sealed record SlackOrigin(string TeamId, string? EnterpriseId, string UserId, Uri? ResponseUrl, string? Channel, string? TriggerId = null)
{
    /// <summary>The user's language tag as Slack gave it (<c>users.info</c>), when it did; kept so later messages speak it.</summary>
    public string? Locale { get; init; }

    /// <summary>
    /// The user, reachable later through their org's installation when the app is installed org-wide, and in their
    /// language, so that a message to them after this request (a link opened, a request declined) speaks it.
    /// </summary>
    public Actor Actor => new(new WorkspaceId(ChatPlatform.Slack, TeamId), UserId) { Reach = new ChatReach(EnterpriseId: EnterpriseId, Locale: Locale) };

    public ReplyTarget Target => new(TeamId, EnterpriseId, ResponseUrl, Channel);

    /// <summary>What a modal opened from here carries, so its submission is answered here too.</summary>
    public ViewMetadata Metadata => new(ResponseUrl?.ToString(), Channel);
}

/// <summary>One button press: where it came from and the button's value.</summary>
public sealed record ActionContext(SlackOrigin Origin, string Value);

/// <summary>One modal submission: where it was opened from, what it carried and what was typed.</summary>
public sealed record ViewContext(SlackOrigin Origin, ViewMetadata Metadata, ViewValues Values);
