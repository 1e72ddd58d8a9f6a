using System.Diagnostics;
using System.Text.Json;
using OneTimeBot.Testing;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>Clients written by others must work against the embedded service unchanged.</summary>
public sealed class ThirdPartyClientTests
{
    [Fact]
    public async Task The_npm_onetimesecret_api_client_runs_its_whole_flow_unchanged()
    {
        await using var host = await SecretServerHost.StartAsync(null);
        var folder = RepositoryRoot.Combine("tests", "interop");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "onetimesecret-api")),
            "tests/interop has no node_modules: ./test.sh runs 'npm ci' there, or run it yourself.");
        var info = new ProcessStartInfo("node", "onetimesecret-api-flow.js")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["OTS_URL"] = host.BaseUri.ToString(),
                ["OTS_USER"] = "alice@example.com",
                ["OTS_TOKEN"] = SecretServerHost.AliceToken,
            },
        };

        using var node = Process.Start(info)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.True(node.ExitCode == 0, $"the client failed: {await stderr}");
        var seen = JsonDocument.Parse(await stdout).RootElement;
        Assert.True(seen.GetProperty("status").GetBoolean());
        Assert.Equal(3600, seen.GetProperty("shareTtl").GetInt32());
        Assert.True(seen.GetProperty("passphraseRequired").GetBoolean());
        Assert.StartsWith(host.BaseUri + "secret/", seen.GetProperty("shareLink").GetString(), StringComparison.Ordinal);
        Assert.Equal("new", seen.GetProperty("stateBefore").GetString());
        Assert.True(seen.GetProperty("revealedMatches").GetBoolean());
        Assert.Equal("received", seen.GetProperty("stateAfter").GetString());
        Assert.Equal("UnknownSecretError", seen.GetProperty("secondReveal").GetString());
        Assert.Equal(12, seen.GetProperty("generatedLength").GetInt32());
        Assert.Equal("burned", seen.GetProperty("burnedState").GetString());
        Assert.Equal(2, seen.GetProperty("recentCount").GetInt32());
    }
}
