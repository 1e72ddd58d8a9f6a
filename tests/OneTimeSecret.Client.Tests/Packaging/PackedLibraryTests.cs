using System.IO.Compression;
using System.Xml.Linq;
using OneTimeBot.Testing;

namespace OneTimeSecret.Client.Tests.Packaging;

/// <summary>What a developer who installs the package from a feed gets, and that it works for them as the README says.</summary>
public sealed class PackedLibraryTests(PackedLibrary packed) : IClassFixture<PackedLibrary>
{
    private static readonly TimeSpan ConsumerTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public void The_package_carries_its_readme_xml_docs_license_and_no_dependency_but_the_resilience_package()
    {
        using var package = ZipFile.OpenRead(packed.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToArray();
        var nuspec = XDocument.Load(package.GetEntry(PackedLibrary.PackageId + ".nuspec")!.Open()).Root!;
        var ns = nuspec.GetDefaultNamespace();
        var metadata = nuspec.Element(ns + "metadata")!;
        using var readme = new StreamReader(package.GetEntry("README.md")!.Open());
        var readmeText = readme.ReadToEnd();
        using var docs = new StreamReader(package.GetEntry("lib/net10.0/OneTimeSecret.Client.xml")!.Open());
        var docsText = docs.ReadToEnd();

        Assert.Contains("lib/net10.0/OneTimeSecret.Client.dll", entries);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("git", metadata.Element(ns + "repository")!.Attribute("type")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")!.Value));
        Assert.Equal(["Microsoft.Extensions.Http.Resilience"], metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value));
        Assert.Contains("dotnet add package OneTimeSecret.Client", readmeText, StringComparison.Ordinal);
        Assert.Contains("AddOneTimeSecretClient", readmeText, StringComparison.Ordinal);
        Assert.Contains("<member name=\"M:OneTimeSecret.Client.IOneTimeSecretClient.ShareAsync(", docsText, StringComparison.Ordinal);
        foreach (var text in new[] { readmeText, docsText })
        {
            Assert.DoesNotContain("OneTimeBot", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_new_console_app_restores_the_package_from_a_folder_feed_shares_a_secret_and_reveals_it_exactly_once()
    {
        await using var host = new HostFactory<Program>(new Dictionary<string, string?>(), kestrel: true);
        host.StartServer();
        const string secret = "Pf7-packed-nupkg-q8Zt3vLw #&=+ kept once";
        TestRunLedger.Secret(secret);
        var app = Path.Combine(packed.WorkFolder, "consumer");
        var revealedFile = Path.Combine(packed.WorkFolder, "revealed.txt");
        await PackageConsumer.CreateAsync(app, packed.Feed, packed.Version);

        var (exitCode, output) = await DotnetCli.RunAsync(app,
            ["run", "--", $"http://127.0.0.1:{host.Port}/", revealedFile], ConsumerTimeout, input: secret);

        Assert.True(exitCode == 0, $"the console app failed ({exitCode}):\n{output}");
        Assert.Equal(secret, await File.ReadAllTextAsync(revealedFile));
        Assert.Contains("second reveal: SecretNotFound", output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(app, "packages", PackedLibrary.PackageId.ToLowerInvariant(), packed.Version.ToLowerInvariant())),
            "the package was not restored from the folder feed into the app's own packages folder");
    }
}
