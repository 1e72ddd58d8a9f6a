namespace OneTimeBot.Core.Workspaces;

/// <summary>
/// What a platform needs, beyond the workspace and user id, to message a person privately later, outside the request
/// they are in: Slack's enterprise id (an org-wide install is stored under it); the Teams service URL, the bot's id and
/// the user's channel id (<c>29:…</c>); and the name the platform showed for them (Teams cards need it to say who sent
/// something); and the language tag the platform gave for them (Slack's <c>user.locale</c>, Teams' <c>activity.locale</c>),
/// so what is sent to them later, in the background, speaks their language. Taken only from verified requests and the
/// platform's own answers, never from what someone typed.
/// </summary>
public sealed record ChatReach(string? EnterpriseId = null, string? ServiceUrl = null, string? BotId = null, string? ChannelUserId = null, string? Name = null, string? Locale = null);
