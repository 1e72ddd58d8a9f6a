using System.Reflection;
using OneTimeBot.Testing;

namespace OneTimeSecret.Client.Tests.Packaging;

/// <summary>
/// The library as <c>dotnet pack</c> makes it, packed once for the tests that use it into a folder feed of its own
/// under the system's temporary folder. It packs what the test run built (the same configuration as these tests), and
/// gives the package a prerelease version of its own, so that no copy of an earlier package anywhere on the machine
/// can stand in for this one when it is restored.
/// </summary>
public sealed class PackedLibrary : IAsyncLifetime
{
    public const string PackageId = "OneTimeSecret.Client";
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    public string WorkFolder { get; } = Directory.CreateTempSubdirectory("onetimesecret-client-pack-").FullName;

    public string Feed => Path.Combine(WorkFolder, "feed");

    public string PackagePath { get; private set; } = "";

    public string Version { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configuration = typeof(PackedLibrary).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = RepositoryRoot.Combine("src", PackageId, PackageId + ".csproj");
        var (exitCode, output) = await DotnetCli.RunAsync(WorkFolder,
        [
            "pack", project, "--no-build", "--configuration", configuration, "--output", Feed,
            "--version-suffix", $"test.t{Guid.NewGuid():N}",
            // The generated .nuspec goes with the package, not into the source tree's obj folder.
            $"-p:NuspecOutputPath={Path.Combine(WorkFolder, "nuspec")}{Path.DirectorySeparatorChar}",
        ], PackTimeout);
        Assert.True(exitCode == 0, $"dotnet pack failed ({exitCode}):\n{output}");

        PackagePath = Assert.Single(Directory.GetFiles(Feed, PackageId + ".*.nupkg"));
        Version = Path.GetFileNameWithoutExtension(PackagePath)[(PackageId.Length + 1)..];
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}
