namespace OneTimeBot.EndToEnd.Tests;

/// <summary>Screenshots in a language other than English go in a folder of their own: docs/screenshots/sv/ for Swedish.</summary>
internal static class LanguageScreenshots
{
    public static string PathFor(string language, string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(Screenshots.Folder, language)).FullName, Path.GetFileName(Screenshots.PathFor(name)));
}
