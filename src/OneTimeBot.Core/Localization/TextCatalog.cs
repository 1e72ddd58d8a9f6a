using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Core.Localization;

/// <summary>
/// One assembly's user-visible text: a <c>.resx</c> per language next to the class named by the resource source
/// (e.g. <c>CoreStrings.resx</c>, <c>CoreStrings.sv.resx</c>), read through Microsoft.Extensions.Localization in the
/// current UI culture (see <see cref="LanguageScope"/>). A key missing from a language falls back to English; a key
/// missing everywhere is a bug, which the resource tests catch, and shows as the key rather than failing a reply.
/// </summary>
public sealed class TextCatalog
{
    private static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    private readonly IStringLocalizer _localizer;

    // Resources never change while the process runs, and a lookup through the localizer walks the culture's parents
    // under the resource manager's locks on every reply (a card reads about twenty texts): each text is looked up once.
    // Filed by culture, then by key alone: a string key hashes a few times faster than a tuple of two strings through
    // the default comparer, which made each of a card's twenty reads cost about 0.1-0.2 µs.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _texts = new();

    public TextCatalog(Type resourceSource)
    {
        ArgumentNullException.ThrowIfNull(resourceSource);
        ResourceSource = resourceSource;
        _localizer = Factory.Create(resourceSource);
    }

    /// <summary>The class the resources sit beside: its full name is their base name.</summary>
    public Type ResourceSource { get; }

    /// <summary>The text for <paramref name="key"/> in the current UI culture.</summary>
    public string this[string key]
    {
        get
        {
            var texts = _texts.GetOrAdd(CultureInfo.CurrentUICulture.Name, static _ => new ConcurrentDictionary<string, string>());
            return texts.TryGetValue(key, out var text) ? text : texts.GetOrAdd(key, static (k, localizer) => localizer[k].Value, _localizer);
        }
    }

    /// <summary>The text for <paramref name="key"/>, its <c>{0}</c>… filled with <paramref name="args"/> in the current culture.</summary>
    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>Whether <paramref name="key"/> has text in <paramref name="language"/> itself, without falling back.</summary>
    public bool Has(string key, CultureInfo language)
    {
        using var scope = LanguageScope.Use(language);
        return _localizer.GetAllStrings(includeParentCultures: false).Any(s => s.Name == key);
    }
}
