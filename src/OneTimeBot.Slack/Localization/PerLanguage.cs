using System.Collections.Concurrent;
using System.Globalization;

namespace OneTimeBot.Slack.Localization;

/// <summary>
/// Something built once per language and then reused, e.g. the reply to every command while the store is down: built
/// in the current UI culture the first time that language asks for it.
/// </summary>
public sealed class PerLanguage<T>(Func<T> build)
{
    private readonly ConcurrentDictionary<string, T> _built = new(StringComparer.Ordinal);

    /// <summary>The one for the current UI culture.</summary>
    public T Current => _built.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => build());
}
