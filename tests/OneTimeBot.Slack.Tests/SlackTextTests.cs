using OneTimeBot.Slack.Payloads;

namespace OneTimeBot.Slack.Tests;

/// <summary>Slack's escaped text read back into what was typed, and the person a command names first.</summary>
public sealed class SlackTextTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("a&amp;b &lt;c&gt; &amp;lt;", "a&b <c> &lt;")]
    [InlineData("fish &amp; chips &copy; &", "fish & chips &copy; &")]
    [InlineData("<https://example.com/?x=1&amp;y=2>", "https://example.com/?x=1&y=2")]
    [InlineData("see <http://example.org|example.org> now", "see example.org now")]
    [InlineData("<mailto:ops@example.com|ops@example.com>", "ops@example.com")]
    [InlineData("hi <@U0BOB|bob> and <@W0ENT>", "hi @bob and @W0ENT")]
    [InlineData("in <#C0GENERAL|general> or <#C0OPS>", "in #general or #C0OPS")]
    [InlineData("<!here> <!channel> <!everyone|everyone>", "@here @channel @everyone")]
    [InlineData("<!subteam^S0OPS|@ops-team>", "@ops-team")]
    [InlineData("&lt;@U0BOB|bob&gt; typed literally", "<@U0BOB|bob> typed literally")]
    [InlineData("  spaces\nand lines  ", "  spaces\nand lines  ")]
    [InlineData("a lone < stays", "a lone < stays")]
    public void Escaped_text_reads_back_as_it_was_typed(string sent, string typed) => Assert.Equal(typed, SlackText.Unescape(sent));

    [Theory]
    [InlineData("<@U0BOB|bob> the secret", LeadingNameKind.Person, "U0BOB", "bob", "the secret")]
    [InlineData("<@U0BOB> the secret", LeadingNameKind.Person, "U0BOB", null, "the secret")]
    [InlineData("<@W0ENTERPRISE1|Bob Builder>  two spaces", LeadingNameKind.Person, "W0ENTERPRISE1", "Bob Builder", " two spaces")]
    [InlineData("<@U0BOB|bob>", LeadingNameKind.Person, "U0BOB", "bob", "")]
    [InlineData("<#C0GENERAL|general> the secret", LeadingNameKind.Channel, null, "#general", "the secret")]
    [InlineData("<!here> the secret", LeadingNameKind.Group, null, "@here", "the secret")]
    [InlineData("<!subteam^S0OPS|@ops> the secret", LeadingNameKind.Group, null, "@ops", "the secret")]
    [InlineData("@nobody the secret", LeadingNameKind.Unrecognised, null, "@nobody", "the secret")]
    [InlineData("<@not-an-id|x> the secret", LeadingNameKind.Unreadable, null, null, "the secret")]
    [InlineData("<@U0BOB the secret", LeadingNameKind.Unreadable, null, null, "the secret")]
    public void The_first_word_names_a_person_or_says_what_it_is_instead(string sent, LeadingNameKind kind, string? userId, string? written, string rest)
    {
        var leading = SlackText.ReadLeadingName(sent);

        Assert.Equal((kind, userId, written, rest), (leading.Kind, leading.UserId, leading.Written, leading.Rest));
    }

    [Theory]
    [InlineData("just a secret")]
    [InlineData("<https://example.com> is where it lives")]
    [InlineData("&lt;@U0BOB&gt; typed literally")]
    [InlineData("")]
    public void Text_that_starts_with_no_name_is_all_arguments(string sent)
    {
        var leading = SlackText.ReadLeadingName(sent);

        Assert.Equal((LeadingNameKind.None, sent), (leading.Kind, leading.Rest));
    }

    [Theory]
    [InlineData("a <@U0BOB|bob> b", true)]
    [InlineData("<@W0ENT>", true)]
    [InlineData("x<#C0OPS>y", true)]
    [InlineData("<#C0GENERAL|general>", true)]
    [InlineData("<!here>", true)]
    [InlineData("<!subteam^S0OPS|@ops>", true)]
    [InlineData("<https://example.com|example.com> <mailto:ops@example.com|ops@example.com>", false)]
    [InlineData("&lt;@U0BOB&gt; &amp; &lt;!here&gt; typed literally", false)]
    [InlineData("@nobody #nowhere ops@example.com", false)]
    [InlineData("a lone <@ stays", false)]
    [InlineData("", false)]
    public void Text_holds_a_name_when_slack_wrapped_a_person_a_channel_a_group_or_a_special_mention(string sent, bool holds) =>
        Assert.Equal(holds, SlackText.HoldsName(sent));
}
