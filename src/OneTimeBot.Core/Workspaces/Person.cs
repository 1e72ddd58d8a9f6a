namespace OneTimeBot.Core.Workspaces;

/// <summary>
/// Someone a secret is sent to or asked of: their platform user id (a Slack <c>U…</c>, a Teams Azure AD object id) and,
/// when the platform told us, the name to show. Slack shows <c>&lt;@U…&gt;</c> for the id; Teams needs the name.
/// </summary>
public sealed record Person(string UserId, string? Name = null);
