using System.Globalization;
using OneTimeBot.Testing;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>
/// Where rendered cards are saved: docs/screenshots when ONETIMEBOT_SCREENSHOTS=docs (to refresh the README's
/// pictures), else a temporary folder, so an ordinary test run leaves the checkout untouched.
/// </summary>
internal static class Screenshots
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("ONETIMEBOT_SCREENSHOTS") == "docs"
        ? Directory.CreateDirectory(RepositoryRoot.Combine("docs", "screenshots")).FullName
        : Directory.CreateTempSubdirectory("onetimebot-screenshots-").FullName;

    /// <summary>Where the picture <paramref name="name"/> goes: Swedish ones (by the current UI culture) in <c>sv/</c>.</summary>
    public static string PathFor(string name) =>
        Path.Combine(
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv" ? Directory.CreateDirectory(Path.Combine(Folder, "sv")).FullName : Folder,
            string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')) + ".png");
}
