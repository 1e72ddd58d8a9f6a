// Two adapters that know each other, so the rule that keeps Slack and Teams apart is shown to fail both ways.
namespace OneTimeBot.Architecture.Tests.KnownBad.Slack
{
    public sealed record SlackReply(string Text, Teams.TeamsCard? Card);
}

namespace OneTimeBot.Architecture.Tests.KnownBad.Teams
{
    public sealed record TeamsCard(string Title)
    {
        public static TeamsCard From(Slack.SlackReply reply) => new(reply?.Text ?? "");
    }
}
