using System.Diagnostics;
using System.Text.Json;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Deployable;

/// <summary>
/// What can be checked of <c>deploy/</c> without a container engine, a cluster or systemd as init: every YAML file
/// parses, the Kubernetes objects fit together (probes, security, selectors, a Secret referenced and not included),
/// compose runs the host beside Redis with its secrets as files, and the unit passes <c>systemd-analyze verify</c>.
/// </summary>
public sealed class DeployManifestTests
{
    private static readonly string[] Secrets = ["SecretServer__EncryptionKey", "Slack__SigningSecret", "Slack__BotToken"];

    public static TheoryData<string> YamlFiles() => [.. YamlFileNames()];

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public async Task Every_YAML_file_in_deploy_parses(string file)
    {
        var documents = await ParseAsync(file);

        Assert.NotEmpty(documents);
        Assert.All(documents, d => Assert.Equal(JsonValueKind.Object, d.ValueKind));
    }

    [Fact]
    public async Task The_Kubernetes_Deployment_probes_health_and_readiness_runs_unprivileged_and_takes_its_secrets_from_a_referenced_Secret()
    {
        var deployment = (await ParseAsync(Path.Combine("kubernetes", "deployment.yaml"))).Single();
        var pod = deployment.GetProperty("spec").GetProperty("template").GetProperty("spec");
        var container = pod.GetProperty("containers")[0];

        Assert.Equal("Deployment", deployment.GetProperty("kind").GetString());
        Assert.Equal("/healthz", container.GetProperty("livenessProbe").GetProperty("httpGet").GetProperty("path").GetString());
        Assert.Equal("/healthz", container.GetProperty("startupProbe").GetProperty("httpGet").GetProperty("path").GetString());
        Assert.Equal("/readyz", container.GetProperty("readinessProbe").GetProperty("httpGet").GetProperty("path").GetString());
        Assert.True(pod.GetProperty("securityContext").GetProperty("runAsNonRoot").GetBoolean());
        Assert.NotEqual(0, pod.GetProperty("securityContext").GetProperty("runAsUser").GetInt32());
        Assert.True(container.GetProperty("securityContext").GetProperty("readOnlyRootFilesystem").GetBoolean());
        Assert.False(container.GetProperty("securityContext").GetProperty("allowPrivilegeEscalation").GetBoolean());
        Assert.Equal(["ALL"], container.GetProperty("securityContext").GetProperty("capabilities").GetProperty("drop").EnumerateArray().Select(c => c.GetString()));
        Assert.True(container.GetProperty("resources").GetProperty("requests").TryGetProperty("memory", out _));
        Assert.True(container.GetProperty("resources").GetProperty("limits").TryGetProperty("memory", out _));

        var secretVolume = pod.GetProperty("volumes").EnumerateArray().Single(v => v.TryGetProperty("secret", out _));
        var mount = container.GetProperty("volumeMounts").EnumerateArray().Single(m => m.GetProperty("name").GetString() == secretVolume.GetProperty("name").GetString());
        var credentials = container.GetProperty("env").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "CREDENTIALS_DIRECTORY");
        Assert.Equal(mount.GetProperty("mountPath").GetString(), credentials.GetProperty("value").GetString());
        Assert.Equal("onetimebot-secrets", secretVolume.GetProperty("secret").GetProperty("secretName").GetString());

        // The Secret is referenced, never shipped: no file in deploy/ is a Secret with values.
        foreach (var file in YamlFileNames())
        {
            Assert.DoesNotContain(await ParseAsync(file), d => d.TryGetProperty("kind", out var kind) && kind.GetString() == "Secret");
        }
    }

    [Fact]
    public async Task The_Service_and_the_PodDisruptionBudget_select_the_Deployments_pods()
    {
        var deployment = (await ParseAsync(Path.Combine("kubernetes", "deployment.yaml"))).Single();
        var service = (await ParseAsync(Path.Combine("kubernetes", "service.yaml"))).Single();
        var budget = (await ParseAsync(Path.Combine("kubernetes", "poddisruptionbudget.yaml"))).Single();
        var podLabels = deployment.GetProperty("spec").GetProperty("template").GetProperty("metadata").GetProperty("labels");
        var replicas = deployment.GetProperty("spec").GetProperty("replicas").GetInt32();

        Assert.All(service.GetProperty("spec").GetProperty("selector").EnumerateObject(), s => Assert.Equal(s.Value.GetString(), podLabels.GetProperty(s.Name).GetString()));
        Assert.Equal("PodDisruptionBudget", budget.GetProperty("kind").GetString());
        Assert.All(budget.GetProperty("spec").GetProperty("selector").GetProperty("matchLabels").EnumerateObject(), s => Assert.Equal(s.Value.GetString(), podLabels.GetProperty(s.Name).GetString()));
        Assert.InRange(budget.GetProperty("spec").GetProperty("minAvailable").GetInt32(), 1, replicas - 1);
        Assert.Equal("http", service.GetProperty("spec").GetProperty("ports")[0].GetProperty("targetPort").GetString());
    }

    [Fact]
    public async Task Compose_runs_the_host_on_Redis_with_its_secrets_as_files_in_the_credentials_directory()
    {
        var compose = (await ParseAsync("compose.yaml")).Single();
        var host = compose.GetProperty("services").GetProperty("onetimebot");
        var environment = host.GetProperty("environment");

        Assert.True(compose.GetProperty("services").TryGetProperty("redis", out _));
        Assert.Equal("redis", environment.GetProperty("Storage__Provider").GetString());
        Assert.Equal("/run/secrets", environment.GetProperty("CREDENTIALS_DIRECTORY").GetString());
        // Redis's address comes with its password, so it is a secret too.
        string[] secrets = [.. Secrets, "Storage__ConnectionString"];
        Assert.Equal(secrets, host.GetProperty("secrets").EnumerateArray().Select(s => s.GetString()));
        Assert.All(secrets, s => Assert.False(environment.TryGetProperty(s, out _), $"{s} is in the environment"));
        var redis = compose.GetProperty("services").GetProperty("redis");
        // The password comes on standard input and through the image's entrypoint, which drops root for the user "redis".
        var start = string.Join(' ', redis.GetProperty("command").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("requirepass", start, StringComparison.Ordinal);
        Assert.DoesNotContain("--requirepass", start, StringComparison.Ordinal);
        Assert.Contains("exec docker-entrypoint.sh redis-server -", start, StringComparison.Ordinal);
        Assert.False(redis.TryGetProperty("ports", out _), "Redis publishes a port");
        Assert.Equal("deploy/Dockerfile", host.GetProperty("build").GetProperty("dockerfile").GetString());
    }

    [Fact]
    public async Task The_systemd_unit_passes_systemd_analyze_verify_and_holds_no_secret_value()
    {
        var unit = Path.Combine(DeployFiles.Folder, "systemd", "onetimebot.service");
        var spec = DeployFiles.SystemdUnit();
        Assert.All(Secrets, s => Assert.False(spec.Environment.ContainsKey(s), $"{s} is set in the unit"));
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(DeployFiles.Folder, "systemd", "onetimebot.env")), l => Secrets.Any(s => l.StartsWith(s + "=", StringComparison.Ordinal)));
        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            return;
        }

        using var verify = Process.Start(new ProcessStartInfo("systemd-analyze", ["verify", unit]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await verify.StandardOutput.ReadToEndAsync() + await verify.StandardError.ReadToEndAsync();
        await verify.WaitForExitAsync();
        Assert.True(verify.ExitCode == 0 && output.Trim().Length == 0, $"systemd-analyze verify: {output}");
    }

    private static string[] YamlFileNames() =>
        [.. Directory.EnumerateFiles(DeployFiles.Folder, "*.yaml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(DeployFiles.Folder, f)).Order(StringComparer.Ordinal)];

    private static async Task<JsonElement[]> ParseAsync(string file)
    {
        var (exitCode, output, errors) = await NodeScript.RunAsync("yaml-to-json.js", Path.Combine(DeployFiles.Folder, file));
        Assert.True(exitCode == 0, $"{file} does not parse: {errors}");
        return JsonDocument.Parse(output).RootElement.EnumerateArray().Select(d => d.Clone()).ToArray();
    }
}
