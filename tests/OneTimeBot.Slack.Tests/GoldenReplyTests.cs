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

    [Fact]
    public void Writing_the_same_reply_twice_on_one_thread_gives_the_same_bytes()
    {
        using var speaking = LanguageScope.Use(Languages.English);
        var (_, write) = GoldenReplies.All[0];

        Assert.Equal(write(), write());
    }
}
