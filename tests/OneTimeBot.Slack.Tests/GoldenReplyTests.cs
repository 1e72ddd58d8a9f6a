using OneTimeBot.Core.Localization;

namespace OneTimeBot.Slack.Tests;

public sealed class GoldenReplyTests
{
    public static TheoryData<string, string> Variants()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in GoldenReplies.Languages)
        {
            foreach (var (name, _) in GoldenReplies.All)
            {
                data.Add(name, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_card_variant_reaches_slack_as_exactly_the_bytes_it_always_did(string variant, string language)
    {
        var expected = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Golden", $"{variant}.{language}.json"));
        using var speaking = LanguageScope.Use(Languages.From(language));

        var written = GoldenReplies.All.Single(v => v.Name == variant).Write();

        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(written));
        Assert.Equal(expected, written);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("sv")]
    public void A_card_whose_blocks_were_read_as_a_tree_still_reaches_slack_as_the_same_bytes(string language)
    {
        var expected = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Golden", $"card-live-in-channel.{language}.json"));
        using var speaking = LanguageScope.Use(Languages.From(language));
        var reply = BlockKit.CardBlocks.Render(GoldenReplies.Live);

        Assert.Equal(5, reply.Blocks.Count);
        Assert.Equal(expected, reply.ToUtf8Json("D0123456789"));
    }

    [Fact]
    public void A_card_speaks_the_language_it_was_rendered_in_wherever_it_is_written()
    {
        var expected = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Golden", "card-live-passphrase-recipient.sv.json"));
        BlockKit.SlackReply reply;
        using (LanguageScope.Use(Languages.From("sv")))
        {
            reply = BlockKit.CardBlocks.Render(GoldenReplies.Live);
        }

        using var speaking = LanguageScope.Use(Languages.English);

        Assert.Equal(expected, reply.ToUtf8Json());
    }

    [Fact]
    public void Writing_the_same_reply_twice_on_one_thread_gives_the_same_bytes()
    {
        using var speaking = LanguageScope.Use(Languages.English);
        var (_, write) = GoldenReplies.All[0];

        Assert.Equal(write(), write());
    }
}
