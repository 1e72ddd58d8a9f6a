namespace OneTimeBot.Testing;

/// <summary>The checkout's root folder (the one holding OneTimeBot.sln), found from where the tests run.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OneTimeBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No OneTimeBot.sln above {AppContext.BaseDirectory}.");
    }
}
