using System.Globalization;

namespace OneTimeBot.Core.Localization;

/// <summary>
/// Speaks one language for a while: sets the current culture and UI culture, which every resource lookup, date and
/// number format reads, and puts the previous ones back on dispose. The culture flows with the async context, so a
/// scope opened where a request is first understood covers everything awaited under it, and ends with it.
/// </summary>
public readonly struct LanguageScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private LanguageScope(CultureInfo culture, CultureInfo uiCulture)
    {
        _culture = culture;
        _uiCulture = uiCulture;
    }

    /// <summary>Speaks <paramref name="language"/> until the returned scope is disposed.</summary>
    public static LanguageScope Use(CultureInfo language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var scope = new LanguageScope(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = language;
        CultureInfo.CurrentUICulture = language;
        return scope;
    }

    public void Dispose()
    {
        if (_culture is not null)
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
