using System.Security;
using System.Text.RegularExpressions;

namespace OneTimeSecret.Client.Tests.Packaging;

/// <summary>
/// A new console app, written as a developer who has only read the package's README would write it, that references
/// the packed library by version and restores it from the folder feed alone. Its other packages come from the
/// machine's global packages folder when they are there, so it restores offline; from the machine's own NuGet
/// sources when not. Everything it restores or builds stays in its own folder.
/// </summary>
internal static partial class PackageConsumer
{
    private const string PackedSource = "packed-library";

    // Shares the secret read from standard input on the server named by the first argument, reveals it once into the
    // file named by the second, then tries to reveal it again and prints what that gave. It prints no key, link or value.
    private const string Program = """
        using Microsoft.Extensions.DependencyInjection;
        using OneTimeSecret.Client;

        var connection = new OneTimeSecretConnection(new Uri(args[0])) { Budget = TimeSpan.FromMinutes(2) };
        using var services = new ServiceCollection().AddOneTimeSecretClient().BuildServiceProvider();
        var client = services.GetRequiredService<IOneTimeSecretClient>();

        var shared = await client.ShareAsync(connection, new ShareRequest(new SecretText(Console.In.ReadToEnd()), Ttl: TimeSpan.FromMinutes(10)));
        if (!shared.IsSuccess)
        {
            Console.Error.WriteLine($"share failed: {shared.Error.Kind}: {shared.Error.Message}");
            return 1;
        }

        var secretKey = shared.Value.SecretLink!.Segments[^1];
        var revealed = await client.RevealAsync(connection, secretKey);
        if (!revealed.IsSuccess)
        {
            Console.Error.WriteLine($"reveal failed: {revealed.Error.Kind}: {revealed.Error.Message}");
            return 2;
        }

        File.WriteAllText(args[1], revealed.Value.Value.Reveal());
        var again = await client.RevealAsync(connection, secretKey);
        Console.WriteLine(again.IsSuccess ? "second reveal: revealed it again" : $"second reveal: {again.Error.Kind}");
        return 0;
        """;

    /// <summary>Writes the app into <paramref name="folder"/>, referencing <paramref name="version"/> from <paramref name="feed"/>.</summary>
    public static async Task CreateAsync(string folder, string feed, string version)
    {
        Directory.CreateDirectory(folder);
        var (sources, globalPackages) = await MachineNuGetAsync(folder);

        await File.WriteAllTextAsync(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <!-- Auditing fetches vulnerability data over the network; this app must build offline. -->
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackedLibrary.PackageId}" Version="[{version}]" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "Program.cs"), Program);

        // Stops MSBuild's search for these files in the folders above, wherever the temporary folder is.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), "<Project />\n");
        }

        var machineSources = sources.Select((url, i) => (Key: $"machine-{i + 1}", Url: url)).ToArray();
        await File.WriteAllTextAsync(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Xml(Path.Combine(folder, "packages"))}" />
              </config>
              <packageSources>
                <clear />
                <add key="{PackedSource}" value="{Xml(feed)}" />
            {string.Concat(machineSources.Select(s => $"    <add key=\"{s.Key}\" value=\"{Xml(s.Url)}\" />\n"))}  </packageSources>
              <fallbackPackageFolders>
                <clear />
                <add key="machine" value="{Xml(globalPackages)}" />
              </fallbackPackageFolders>
              <packageSourceMapping>
                <packageSource key="{PackedSource}">
                  <package pattern="{PackedLibrary.PackageId}" />
                </packageSource>
            {string.Concat(machineSources.Select(s => $"    <packageSource key=\"{s.Key}\">\n      <package pattern=\"*\" />\n    </packageSource>\n"))}  </packageSourceMapping>
            </configuration>
            """);
    }

    /// <summary>The NuGet sources enabled on this machine and its global packages folder, as a new project here would see them.</summary>
    private static async Task<(IReadOnlyList<string> Sources, string GlobalPackages)> MachineNuGetAsync(string folder)
    {
        var timeout = TimeSpan.FromMinutes(2);
        var (sourcesExit, sources) = await DotnetCli.RunAsync(folder, ["nuget", "list", "source", "--format", "short"], timeout);
        Assert.True(sourcesExit == 0, sources);
        var (localsExit, locals) = await DotnetCli.RunAsync(folder, ["nuget", "locals", "global-packages", "--list"], timeout);
        Assert.True(localsExit == 0, locals);

        var enabled = EnabledSource().Matches(sources).Select(m => m.Groups[1].Value.Trim()).ToArray();
        var globalPackages = GlobalPackagesFolder().Match(locals) is { Success: true } found
            ? found.Groups[1].Value.Trim()
            : throw new InvalidOperationException($"No global packages folder in: {locals}");
        return (enabled, globalPackages);
    }

    private static string Xml(string text) => SecurityElement.Escape(text);

    [GeneratedRegex(@"^E (.+)$", RegexOptions.Multiline)]
    private static partial Regex EnabledSource();

    [GeneratedRegex(@"^global-packages: (.+)$", RegexOptions.Multiline)]
    private static partial Regex GlobalPackagesFolder();
}
