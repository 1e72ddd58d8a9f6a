namespace OneTimeBot.Architecture.Tests.Localization;

/// <summary>The repository's product sources, found from the test's own folder upwards.</summary>
internal static class SourceTree
{
    public static string Root { get; } = Find();

    public static string Src => Path.Combine(Root, "src");

    /// <summary>A path relative to the repository root, with forward slashes, as the allow-list writes it.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public static IEnumerable<string> ProductSources() =>
        Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Directory.Packages.props) is not above the test's folder.");
    }
}
