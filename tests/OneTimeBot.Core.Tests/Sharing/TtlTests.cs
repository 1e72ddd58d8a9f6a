using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Tests.Sharing;

public sealed class TtlTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("1h", 3600)]
    [InlineData("7d", 604800)]
    [InlineData("1w", 604800)]
    [InlineData("3600", 3600)]
    [InlineData("1 hour", 3600)]
    [InlineData("7 days", 604800)]
    [InlineData("2 weeks", 1209600)]
    [InlineData("1h30m", 5400)]
    [InlineData("1 hour 30 minutes", 5400)]
    [InlineData("1 hour, 30 minutes", 5400)]
    [InlineData("1h and 30m", 5400)]
    [InlineData("  24H ", 86400)]
    [InlineData("5 min", 300)]
    [InlineData("30 secs", 30)]
    [InlineData("1 timme", 3600)]
    [InlineData("2 timmar", 7200)]
    [InlineData("2 dagar", 172800)]
    [InlineData("1 vecka", 604800)]
    [InlineData("3 veckor", 1814400)]
    [InlineData("1 timme och 30 minuter", 5400)]
    [InlineData("45 sekunder", 45)]
    [InlineData("2t", 7200)]
    public void People_write_lifetimes_many_ways_and_all_of_them_parse(string text, long seconds)
    {
        Assert.True(Ttl.TryParse(text, out var ttl));
        Assert.Equal(TimeSpan.FromSeconds(seconds), ttl);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("soon")]
    [InlineData("1 fortnight")]
    [InlineData("5 hours please")]
    [InlineData("-5m")]
    [InlineData("0")]
    [InlineData("0h")]
    [InlineData("1.5h")]
    [InlineData("h")]
    [InlineData("1 hand")]
    [InlineData("1 månad")]
    [InlineData("2 dagarna")]
    [InlineData("99999999999999999999")]
    public void Anything_else_is_not_a_lifetime(string text)
    {
        Assert.False(Ttl.TryParse(text, out _));
    }

    [Theory]
    [InlineData(60, "1 minute")]
    [InlineData(90, "1 minute 30 seconds")]
    [InlineData(3600, "1 hour")]
    [InlineData(5400, "1 hour 30 minutes")]
    [InlineData(86400, "1 day")]
    [InlineData(604800, "1 week")]
    [InlineData(864000, "10 days")]
    [InlineData(1209600, "2 weeks")]
    [InlineData(2592000, "30 days")]
    public void Lifetimes_print_in_words(long seconds, string expected)
    {
        Assert.Equal(expected, Ttl.Format(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void What_is_printed_parses_back_to_the_same_lifetime()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 5000; i++)
        {
            var ttl = TimeSpan.FromSeconds(random.NextInt64(1, 60L * 86400));

            Assert.True(Ttl.TryParse(Ttl.Format(ttl), out var parsed), Ttl.Format(ttl));
            Assert.Equal(ttl, parsed);
        }
    }

    [Fact]
    public void What_a_swedish_reader_is_shown_parses_back_to_the_same_lifetime()
    {
        using var swedish = Core.Localization.LanguageScope.Use(Core.Localization.Languages.Swedish);
        var random = new Random(20261130);
        for (var i = 0; i < 2000; i++)
        {
            var ttl = TimeSpan.FromSeconds(random.NextInt64(1, 60L * 86400));
            var shown = Core.Localization.ReaderTime.Duration(ttl);

            Assert.True(Ttl.TryParse(shown, out var parsed), shown);
            Assert.Equal(ttl, parsed);
        }
    }
}
