using System.Globalization;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Localization;

namespace OneTimeBot.Core.Tests.Localization;

public sealed class LanguagesTests
{
    [Theory]
    [InlineData("sv-SE", "sv")]
    [InlineData("sv_SE", "sv")]
    [InlineData("SV", "sv")]
    [InlineData("sv-FI", "sv")]
    [InlineData("en-GB", "en")]
    [InlineData("fr-FR", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    [InlineData("x-not-a-language", "en")]
    public void A_platform_language_tag_picks_a_spoken_language_or_english(string? tag, string expected) =>
        Assert.Equal(expected, Languages.From(tag).Name);

    [Theory]
    [InlineData("sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7", "sv")]
    [InlineData("fr-FR, sv;q=0.5, en;q=0.4", "sv")]
    [InlineData("en;q=0.4, sv;q=0.6", "sv")]
    [InlineData("sv;q=0, en", "en")]
    [InlineData("de, fr", "en")]
    [InlineData("*", "en")]
    [InlineData(";;;,,,q=", "en")]
    [InlineData(null, "en")]
    public void A_browsers_accept_language_picks_its_most_preferred_spoken_language(string? header, string expected) =>
        Assert.Equal(expected, Languages.FromAcceptLanguage(header).Name);

    [Fact]
    public void Words_come_in_the_scopes_language_and_the_previous_language_returns_after_it()
    {
        var before = CultureInfo.CurrentUICulture;
        using (LanguageScope.Use(Languages.Swedish))
        {
            Assert.Equal("Något gick fel hos OneTimeBot, och ingenting har gjorts.", Notices.Apology.Message);
        }

        Assert.Equal(before, CultureInfo.CurrentUICulture);
        using (LanguageScope.Use(Languages.English))
        {
            Assert.Equal("Something went wrong on OneTimeBot's side, and nothing was done.", Notices.Apology.Message);
        }
    }

    [Fact]
    public async Task A_language_set_inside_an_awaited_call_does_not_leak_out_of_it()
    {
        using var english = LanguageScope.Use(Languages.English);

        await SpeakSwedishAsync();

        Assert.Equal("en", CultureInfo.CurrentUICulture.Name);
    }

    private static async Task SpeakSwedishAsync()
    {
        _ = LanguageScope.Use(Languages.Swedish);
        await Task.Yield();
        Assert.Equal("sv", CultureInfo.CurrentUICulture.Name);
    }
}
