using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Localization;

namespace OneTimeBot.Core.Tests.Localization;

public sealed class ReaderTimeTests
{
    [Theory]
    [InlineData(60, "1 minut")]
    [InlineData(120, "2 minuter")]
    [InlineData(3600, "1 timme")]
    [InlineData(7200, "2 timmar")]
    [InlineData(5400, "1 timme 30 minuter")]
    [InlineData(86400, "1 dag")]
    [InlineData(172800, "2 dagar")]
    [InlineData(604800, "1 vecka")]
    [InlineData(1209600, "2 veckor")]
    [InlineData(864000, "10 dagar")]
    [InlineData(1, "1 sekund")]
    [InlineData(90, "1 minut 30 sekunder")]
    [InlineData(0, "0 sekunder")]
    public void A_swedish_reader_reads_durations_with_swedish_singulars_and_plurals(int seconds, string expected)
    {
        using var swedish = LanguageScope.Use(Languages.Swedish);

        Assert.Equal(expected, ReaderTime.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(90)]
    [InlineData(3600)]
    [InlineData(5400)]
    [InlineData(86400)]
    [InlineData(172800)]
    [InlineData(604800)]
    [InlineData(864000)]
    [InlineData(1209600)]
    [InlineData(2592000)]
    [InlineData(0)]
    public void An_english_reader_reads_durations_exactly_as_the_expiry_parser_prints_them(int seconds)
    {
        using var english = LanguageScope.Use(Languages.English);
        var span = TimeSpan.FromSeconds(seconds);

        Assert.Equal(Ttl.Format(span), ReaderTime.Duration(span));
    }

    [Fact]
    public void A_time_from_now_reads_in_the_readers_language()
    {
        using (LanguageScope.Use(Languages.Swedish))
        {
            Assert.Equal("om 2 dagar", ReaderTime.In(TimeSpan.FromDays(2)));
            Assert.Equal("om 1 timme", ReaderTime.In(TimeSpan.FromHours(1)));
        }

        using (LanguageScope.Use(Languages.English))
        {
            Assert.Equal("in 2 days", ReaderTime.In(TimeSpan.FromDays(2)));
            Assert.Equal("in 1 hour", ReaderTime.In(TimeSpan.FromHours(1)));
        }
    }

    [Fact]
    public void A_swedish_reader_reads_an_instant_the_swedish_way_and_an_english_one_as_before()
    {
        var at = new DateTimeOffset(2026, 11, 30, 11, 6, 0, TimeSpan.Zero);
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

        using (LanguageScope.Use(Languages.Swedish))
        {
            Assert.Equal("30 nov. 2026 11:06 UTC", ReaderTime.At(at));
            Assert.Equal("30 nov. 2026 12:06", ReaderTime.At(at, stockholm));
        }

        using (LanguageScope.Use(Languages.English))
        {
            Assert.Equal("2026-11-30 11:06 UTC", ReaderTime.At(at));
            Assert.Equal("2026-11-30 12:06", ReaderTime.At(at, stockholm));
        }
    }

    [Fact]
    public void The_expiries_a_form_offers_are_labelled_in_the_readers_language_and_keep_their_parsed_values()
    {
        using (LanguageScope.Use(Languages.Swedish))
        {
            var choices = ExpiryChoices.UpTo(TimeSpan.FromDays(3), TimeSpan.FromMinutes(90));

            Assert.Contains(("1h", "1 timme"), choices);
            Assert.Contains(("5400", "1 timme 30 minuter"), choices);
            Assert.Contains(("3d", "3 dagar"), choices);
            Assert.DoesNotContain(choices, c => c.Value == "7d");
        }

        using (LanguageScope.Use(Languages.English))
        {
            Assert.Contains(("12h", "12 hours"), ExpiryChoices.Standard);
        }
    }
}
