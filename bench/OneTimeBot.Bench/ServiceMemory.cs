using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OneTimeBot.Testing;

namespace OneTimeBot.Bench;

/// <summary>
/// The memory an operator sees: the OneTimeBot host (Release, Production) serving only its embedded secret service,
/// as its own process, sampled every 10,000 requests up to 100,000 share and reveal requests, on SQLite and on Redis.
/// A leak shows as a resident set that keeps climbing; a healthy service levels off once its pools are warm.
/// </summary>
internal static class ServiceMemory
{
    private const int Step = 10_000;

    public static async Task RunAsync(int requests, int concurrency)
    {
        var host = RepositoryRoot.Combine("src", "OneTimeBot.Host", "bin", "Release", "net10.0", "OneTimeBot.Host.dll");
        if (!File.Exists(host))
        {
            throw new InvalidOperationException("Build the host first: dotnet build -c Release src/OneTimeBot.Host");
        }

        Console.WriteLine($"Embedded secret service memory: the host as its own process, {requests} requests (share + reveal), {concurrency} concurrent, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine();
        var samples = new Dictionary<string, List<(int Requests, double ResidentMiB)>>();
        samples["sqlite"] = await SampleAsync(host, null, requests, concurrency);
        await using (var redis = await RedisServer.StartAsync())
        {
            samples["redis"] = await SampleAsync(host, redis.ConnectionString, requests, concurrency);
        }

        Console.WriteLine("| requests | sqlite resident (MiB) | redis resident (MiB) |");
        Console.WriteLine("|---:|---:|---:|");
        for (var i = 0; i < samples["sqlite"].Count; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {samples["sqlite"][i].Requests:N0} | {samples["sqlite"][i].ResidentMiB:F0} | {samples["redis"][i].ResidentMiB:F0} |"));
        }
    }

    private static async Task<List<(int, double)>> SampleAsync(string host, string? redis, int requests, int concurrency)
    {
        var port = FreePort.Next();
        var data = Directory.CreateTempSubdirectory("onetimebot-bench-memory-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Storage__Provider"] = redis is null ? "sqlite" : "redis",
            ["Storage__ConnectionString"] = redis ?? $"Data Source={Path.Combine(data, "onetimebot.db")}",
            ["Storage__RedisKeyPrefix"] = $"bench-memory-{port}:",
            ["SecretServer__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["SecretServer__Accounts__0__Username"] = EmbeddedSecretServer.Username,
            ["SecretServer__Accounts__0__ApiTokenSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EmbeddedSecretServer.Token))),
            ["SecretServer__AccountCreatesPerMinute"] = EmbeddedSecretServer.AccountLimit,
            ["SecretServer__AccountRevealsPerMinute"] = EmbeddedSecretServer.AccountLimit,
            ["Slack__Enabled"] = "false",
            ["Teams__Enabled"] = "false",
        };
        await using var child = await ChildProcess.StartAsync("dotnet", [host, "--urls", $"http://127.0.0.1:{port}"], environment, port, data);
        using var http = SharePairs.Client(new Uri($"http://127.0.0.1:{port}/"), concurrency);
        var samples = new List<(int, double)> { (0, Resident(child)) };
        for (var done = 0; done < requests; done += Step)
        {
            // A pair is two requests: the share and the reveal.
            await SharePairs.RunPairsAsync(http, Step / 2, concurrency, new long[Step / 2]);
            samples.Add((done + Step, Resident(child)));
        }

        return samples;
    }

    private static double Resident(ChildProcess child)
    {
        child.Process.Refresh();
        return child.Process.WorkingSet64 / 1048576.0;
    }
}
