using OneTimeBot.Core.Workspaces;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Testing.Slack;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Tests;

/// <summary>Every direct message the bot sends a person in Slack, at its longest, is one Slack accepts and says who and when in Slack's own markup.</summary>
public sealed class DirectMessageBlocksTests
{
    private static readonly SecretCard Live = new(
        "k2v9x0c7b4n1m8z5a3s6d9f2g1", SecretStatus.New, new Uri("https://eu.onetimesecret.com/secret/7n3k9d2x5q8w1m4c6v0b7z2l5j8h1g4f6d3s9a0p2o5i7u1y4t8r6e3w9q0k5m"),
        DateTimeOffset.FromUnixTimeSeconds(1_795_000_000), TimeSpan.FromDays(7), PassphraseRequired: true, Recipient: null, BackendHost: "eu.onetimesecret.com", Generated: false);

    private static readonly Person Alice = new("U0ALICE", "alice");
    private static readonly Person Bob = new("U0BOB", "bob");
    private static readonly string LongNote = "<&>" + new string('n', 5000);

    /// <summary>Every direct message in every language: Swedish runs longer than English.</summary>
    public static TheoryData<string, string> Messages()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in Languages.Supported)
        {
            foreach (var name in Every().Keys)
            {
                data.Add(name, language.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Each_direct_message_is_within_block_kit_limits_with_a_text_fallback_and_the_note_escaped(string name, string language)
    {
        using var speaking = LanguageScope.Use(Languages.From(language));
        var json = DirectMessageBlocks.Render(Every()[name]).ToJson();
        var wire = json.ToJsonString(SlackReply.WireOptions);

        Assert.Empty(PublishedBlockKitLimits.Violations(json));
        Assert.False(string.IsNullOrWhiteSpace(json["text"]?.GetValue<string>()));
        Assert.DoesNotContain("<&>", wire, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_change_names_the_recipient_and_the_time_in_the_readers_own_time_zone()
    {
        var opened = new LinkStatusChanged(SecretStatus.Viewed, DateTimeOffset.FromUnixTimeSeconds(1_794_500_000), Bob, Generated: false, DateTimeOffset.FromUnixTimeSeconds(1_794_400_000));

        var wire = DirectMessageBlocks.Render(opened).ToJson().ToJsonString(SlackReply.WireOptions);

        Assert.Contains("Your link for <@U0BOB> was opened <!date^1794500000^{date_short_pretty} at {time}|", wire, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_slack_user_id_becomes_a_mention_anything_else_is_written_as_plain_text()
    {
        Assert.Equal("<@U0ALICE>", DirectMessageBlocks.Mention(Alice));
        Assert.Equal("<@W0ENTERPRISE1>", DirectMessageBlocks.Mention(new Person("W0ENTERPRISE1")));
        Assert.Equal("&lt;!channel&gt;", DirectMessageBlocks.Mention(new Person("<!channel>", "<!channel>")));
        Assert.Equal("Someone", DirectMessageBlocks.Mention(new Person("u0lower")));
    }

    private static Dictionary<string, DirectMessage> Every() => new()
    {
        ["link for you"] = new LinkForYou(Alice, Live),
        ["link for you answering a request"] = new LinkForYou(Alice, Live with { Generated = true }, LongNote),
        ["link for you no longer live"] = new LinkForYou(Alice, Live with { Status = SecretStatus.Burned, Link = null }),
        ["opened"] = new LinkStatusChanged(SecretStatus.Viewed, DateTimeOffset.UtcNow, Bob, false, DateTimeOffset.UtcNow.AddHours(-1)),
        ["burned"] = new LinkStatusChanged(SecretStatus.Burned, DateTimeOffset.UtcNow, null, true, DateTimeOffset.UtcNow.AddHours(-1)),
        ["expired"] = new LinkStatusChanged(SecretStatus.Expired, DateTimeOffset.UtcNow, Bob, false, DateTimeOffset.UtcNow.AddDays(-7)),
        ["asked"] = new SecretAsked("req-" + new string('r', 60), Alice, LongNote, DateTimeOffset.UtcNow.AddDays(1)),
        ["declined"] = new RequestDeclined(Bob, LongNote),
    };
}
