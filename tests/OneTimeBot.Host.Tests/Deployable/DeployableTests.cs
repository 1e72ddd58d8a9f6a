using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OneTimeBot.Testing;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Host.Tests.Deployable;

/// <summary>
/// Container images cannot be built where these tests run, and systemd is not the init system there. So the published
/// app is run exactly as <c>deploy/Dockerfile</c>'s ENTRYPOINT and <c>deploy/systemd/onetimebot.service</c>'s ExecStart
/// run it: the command and environment read from those files, a clean environment, a user that is not root, its
/// secrets as files in <c>$CREDENTIALS_DIRECTORY</c>, and its state in the declared folder. What is moved: the app's
/// folder and the state folder into temporary folders, and the port to a free one on 127.0.0.1.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class DeployableTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_Dockerfile_entry_point_serves_health_readiness_and_a_signed_Slack_share_as_a_non_root_user_with_state_in_its_volume()
    {
        var spec = DeployFiles.Dockerfile();
        Assert.Equal("/app", spec.WorkingDirectory);
        await RunAsDeployedAsync(spec, ["SecretServer__EncryptionKey", "Slack__SigningSecret", "Slack__BotToken"]);
    }

    [Fact]
    public async Task The_systemd_units_ExecStart_serves_health_readiness_and_a_signed_Slack_share_as_a_non_root_user_with_state_in_its_StateDirectory()
    {
        var spec = DeployFiles.SystemdUnit();
        Assert.Equal(["SecretServer__EncryptionKey", "Slack__SigningSecret", "Slack__BotToken"], spec.Credentials);
        await RunAsDeployedAsync(spec, spec.Credentials);
    }

    private async Task RunAsDeployedAsync(LaunchSpec spec, IReadOnlyList<string> credentialNames)
    {
        var state = Directory.CreateTempSubdirectory("onetimebot-state-").FullName;
        var credentials = Directory.CreateTempSubdirectory("onetimebot-credentials-").FullName;
        try
        {
            var port = FreePort.Next();
            var declaredPort = DeclaredPort().Match(spec.Environment["ASPNETCORE_URLS"]).Groups[1].Value;
            string Relocate(string text) => text.Replace(spec.WorkingDirectory, app.Folder, StringComparison.Ordinal).Replace(spec.StateDirectory, state, StringComparison.Ordinal);
            var environment = spec.Environment.ToDictionary(e => e.Key, e => Relocate(e.Value));
            environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            environment["Teams__Enabled"] = "false";
            environment["CREDENTIALS_DIRECTORY"] = credentials;
            var signingSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var secrets = new Dictionary<string, string>
            {
                ["SecretServer__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Slack__SigningSecret"] = signingSecret,
                ["Slack__BotToken"] = "xoxb-9090-4141-deployable" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            };
            TestRunLedger.Current.NoteSettings(secrets);
            foreach (var name in credentialNames)
            {
                // As systemd and the kubelet write them: one file per secret; a trailing newline is what `echo` leaves.
                await File.WriteAllTextAsync(Path.Combine(credentials, name), secrets[name] + "\n");
                File.SetUnixFileMode(Path.Combine(credentials, name), UnixFileMode.UserRead);
            }

            await DeployedProcess.GiveToServiceUserAsync(credentials, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            await DeployedProcess.GiveToServiceUserAsync(state, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            await using var host = DeployedProcess.Start(spec.Command.Select(Relocate).ToArray(), environment, Relocate(spec.WorkingDirectory));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitUntilReadyAsync(host, http);

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
            if (DeployedProcess.RunningAsRoot)
            {
                Assert.Equal(DeployedProcess.Nobody, host.UserId());
            }

            var secret = $"Vk4-deployed-share-{Guid.NewGuid():N}";
            Assert.Equal(secret, await ShareAndRevealAsync(http, signingSecret, secret));
            Assert.True(File.Exists(Path.Combine(state, "onetimebot.db")), $"No SQLite file in the state folder; the host printed:\n{host.Output}");

            if (spec.HealthCheck is { } healthCheck)
            {
                var probe = healthCheck.Select(part => part.Replace($"/{declaredPort}", $"/{port}", StringComparison.Ordinal)).ToArray();
                Assert.Equal(0, await DeployedProcess.RunAsync(probe, state));
            }
        }
        finally
        {
            Directory.Delete(state, recursive: true);
            Directory.Delete(credentials, recursive: true);
        }
    }

    /// <summary>A signed <c>/onetime share</c> as Slack sends it; the card's link, revealed through the v1 API.</summary>
    private static async Task<string?> ShareAndRevealAsync(HttpClient http, string signingSecret, string secret)
    {
        TestRunLedger.Secret(secret);
        var body = "team_id=T0DEPLOY&team_domain=deploy&channel_id=C0DEPLOY&channel_name=deploy&user_id=U0DEPLOY&user_name=ops" +
                   $"&command=%2Fonetime&text={Uri.EscapeDataString("share " + secret)}&api_app_id=A0DEPLOY&trigger_id=deploy.{Guid.NewGuid():N}" +
                   "&response_url=" + Uri.EscapeDataString("https://hooks.slack.com/commands/T0DEPLOY/1/deploy");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/slack/commands", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add(SlackSigning.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SlackSigning.SignatureHeader, SlackSigning.Signature(signingSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var answer = await http.SendAsync(request);
        var card = await answer.Content.ReadAsStringAsync();
        TestRunLedger.Current.NoteLinksIn(card);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var key = SecretLink().Match(card);
        Assert.True(key.Success, $"The card holds no link: {card}");

        using var reveal = await http.PostAsync(new Uri($"/api/v1/secret/{key.Groups[1].Value}", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
        return JsonDocument.Parse(await reveal.Content.ReadAsStringAsync()).RootElement.GetProperty("value").GetString();
    }

    private static async Task WaitUntilReadyAsync(DeployedProcess host, HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartBudget)
        {
            Assert.False(host.HasExited, $"The host exited while starting:\n{host.Output}");
            try
            {
                using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The host was not ready within {StartBudget.TotalSeconds} s:\n{host.Output}");
    }

    [GeneratedRegex(@":(\d+)/?$")]
    private static partial Regex DeclaredPort();

    [GeneratedRegex(@"/secret/([0-9a-z]{62})")]
    private static partial Regex SecretLink();
}
