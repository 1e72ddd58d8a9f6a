using OneTimeBot.Core.Messaging;

namespace OneTimeBot.Core.Commands;

/// <summary>
/// How a platform reads one typed word as a person (Slack's <c>&lt;@U…|name&gt;</c>); null when the word names nobody.
/// A platform whose typed text cannot name people passes none, and a command that needs a person offers its form.
/// </summary>
public delegate Person? MentionReader(string word);
