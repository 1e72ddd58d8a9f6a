using OpenTelemetry.Metrics;
using System.Diagnostics;
using System.Text.Json.Nodes;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Teams.Auth;
using OneTimeBot.Teams.Connector;
using OneTimeBot.Teams.Tests;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Telemetry;

/// <summary>
/// A whole Slack journey (a share with a passphrase through the form, a wrong and a right reveal, a share burned from its
/// card) exported through the host's OpenTelemetry pipeline: no span name, tag, metric tag or exported log line holds a
/// secret, passphrase, key, link or token the journey used, while the journey is visibly there, as one trace per request.
/// A Teams journey (a message-extension share with a passphrase, a share from the chat's form, both revealed) is scanned
/// the same way, for its Bot Framework tokens and the connector's serviceUrl too: a full run speaks to both platforms.
/// </summary>
public sealed class TelemetryLeakTests
{
    [Fact]
    public async Task A_slack_journey_exports_spans_metrics_and_logs_free_of_every_secret_passphrase_key_link_and_token_it_used()
    {
        var folder = Directory.CreateTempSubdirectory("onetimebot-telemetry-").FullName;
        var exported = new ExportedTelemetry();
        var used = new List<string>();
        try
        {
            await using var slack = await FakeSlackServer.StartAsync();
            using (var ledger = new LedgerFolder(folder))
            {
                await using var host = new HostFactory(Settings(slack), kestrel: true, ledger: ledger) { TestServices = exported.AddExporters };
                host.StartServer();
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/") };
                var requests = new SlackRequests(http, SlackApp.SigningSecret);

                // A share through the form, with a passphrase: the link arrives through the command's response_url.
                const string Guarded = "Tl1-guarded-telemetry-secret-8c3e";
                const string Passphrase = "Tl1 guard phrase 5d7a";
                const string WrongPassphrase = "Tl1 not the phrase 2b9f";
                var commandUrl = slack.NewResponseUrl();
                await requests.CommandAsync("share", commandUrl);
                var shareView = (await slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
                await requests.InteractionAsync(SlackRequests.ViewSubmission(shareView, new Dictionary<string, JsonObject>
                {
                    ["secret"] = SlackRequests.Typed(Guarded),
                    ["ttl"] = SlackRequests.Chosen("1h"),
                    ["passphrase"] = SlackRequests.Typed(Passphrase),
                }));
                var guardedLink = SlackApp.LinkOn((await slack.WaitForPostsAsync(commandUrl))[0].Body);
                Assert.Null(await SlackApp.RevealAsync(guardedLink, WrongPassphrase));
                Assert.Equal(Guarded, await SlackApp.RevealAsync(guardedLink, Passphrase));

                // A share by command, burned from its card through a button.
                const string Burned = "Tl2-burned-telemetry-secret-4f1a";
                var burnUrl = slack.NewResponseUrl();
                var inline = await SlackApp.JsonAsync(await requests.CommandAsync("share " + Burned, burnUrl));
                var card = inline["blocks"]!.AsArray().Count > 1 ? inline : (await slack.WaitForPostsAsync(burnUrl))[0].Body;
                var burnedLink = SlackApp.LinkOn(card);
                var cardUrl = slack.NewResponseUrl();
                await requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.Burn, SlackApp.ButtonValue(card, ActionIds.Burn), cardUrl));
                await slack.WaitForPostsAsync(cardUrl);

                await host.Services.FollowUpsFinishedAsync();
                ExportedTelemetry.Flush(host.Services);
                used.AddRange([Guarded, Passphrase, WrongPassphrase, Burned, SlackApp.SigningSecret, SlackApp.BotToken]);
                foreach (var url in new[] { guardedLink, burnedLink, commandUrl, burnUrl, cardUrl })
                {
                    used.Add(url.ToString());
                    used.Add(url.AbsolutePath.TrimEnd('/').Split('/')[^1]);
                }
            }

            // Every value the ledger learned on the way: the keys the embedded service answered, the settings' secrets.
            used.AddRange(Directory.GetFiles(folder, "values-*.txt").SelectMany(File.ReadAllLines)
                .Select(line => line.Split('\t', 2)).Where(kind => kind.Length == 2 && kind[0] != "vocabulary").Select(kind => kind[1]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var lines = exported.Lines().ToList();

        Assert.Empty(Leaks(lines, used));
        Assert.Contains(exported.Metrics, m => m.Name == "onetimebot.requests");
        Assert.Contains(exported.Metrics, m => m.Name == "onetimebot.ack.duration");
        Assert.Contains(exported.Metrics, m => m.Name == "onetimebot.links.created");
        Assert.Contains(exported.Metrics, m => m.Name == "onetimebot.followups.deliveries");
        // The sender's own Burn from the card counts as a burned link (here through the embedded service's event; with a
        // remote backend, through the burn's own settling).
        Assert.Contains(exported.Metrics, m => m.Name == "onetimebot.links.settled" &&
                                               HasTag(m, "status", "burned"));
        Assert.Contains(exported.Metrics, m => m.Name == "http.server.request.duration");
        Assert.Contains(lines, line => line.Contains("[redacted]", StringComparison.Ordinal));
        Assert.NotEmpty(exported.LogLines);

        // The form's submission, the follow-up that shared after Slack was answered, and its post to the response_url
        // are one trace.
        var followUps = exported.Spans.Where(s => s.DisplayName.StartsWith("follow-up ", StringComparison.Ordinal)).ToList();
        var interactions = exported.Spans.Where(s => s.DisplayName == "slack interaction").Select(s => s.TraceId).ToHashSet();
        Assert.Contains(followUps, f => interactions.Contains(f.TraceId) &&
            exported.Spans.Any(c => c.Kind == ActivityKind.Client && c.TraceId == f.TraceId && c.ParentSpanId == f.SpanId));

        // Log lines written while handling a request carry its trace.
        Assert.Contains(exported.LogLines, line => interactions.Any(t => line.StartsWith("trace=" + t.ToHexString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_teams_journey_exports_spans_metrics_and_logs_free_of_every_secret_passphrase_key_link_token_and_connector_path_it_used()
    {
        var folder = Directory.CreateTempSubdirectory("onetimebot-telemetry-").FullName;
        var exported = new ExportedTelemetry();
        var used = new List<string>();
        try
        {
            await using var botFramework = await FakeBotFramework.StartAsync();
            using (var ledger = new LedgerFolder(folder))
            {
                await using var host = new HostFactory(TeamsSettings(botFramework), kestrel: true, ledger: ledger)
                {
                    TestServices = services =>
                    {
                        botFramework.TrustIn(services, BotFrameworkTokenValidator.HttpClientName, BotTokenProvider.HttpClientName, ConnectorClient.HttpClientName);
                        exported.AddExporters(services);
                    },
                };
                host.StartServer();
                await using var teams = TeamsApp.On(botFramework, host);

                // A share from the compose box's message extension, with a passphrase: the link comes back in the invoke's answer.
                const string Shared = "Tm7-telemetry-unique-extension-secret-3d9b";
                const string Passphrase = "Tm7 telemetry unique phrase 6a2c";
                const string WrongPassphrase = "Tm7 telemetry not the phrase 1e8f";
                var answer = await TeamsApp.JsonAsync(await teams.SendAsync(teams.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject
                {
                    ["secret"] = Shared,
                    ["ttl"] = "1h",
                    ["passphrase"] = Passphrase,
                    ["recipient"] = "",
                    ["action"] = "share",
                })));
                var sharedLink = TeamsApp.LinkOn(answer["composeExtension"]!["attachments"]![0]!["content"]!.AsObject());
                Assert.Null(await TeamsApp.RevealAsync(sharedLink, WrongPassphrase));
                Assert.Equal(Shared, await TeamsApp.RevealAsync(sharedLink, Passphrase));

                // A share from the chat's form: the card with the link is posted back through the Bot Connector.
                const string Chatted = "Tm7-telemetry-unique-chat-secret-8b4e";
                await teams.SendAsync(teams.Activity("message", "share"));
                await botFramework.WaitForCallsAsync(1);
                await teams.SendAsync(teams.Activity("message", value: new JsonObject
                {
                    ["action"] = "share", ["secret"] = Chatted, ["ttl"] = "4h", ["passphrase"] = "", ["recipient"] = "",
                }));
                var chattedLink = TeamsApp.LinkOn(await CardWithALinkAsync(botFramework));
                Assert.Equal(Chatted, await TeamsApp.RevealAsync(chattedLink));

                await host.Services.FollowUpsFinishedAsync();
                ExportedTelemetry.Flush(host.Services);
                used.AddRange([Shared, Passphrase, WrongPassphrase, Chatted, TeamsAppPassword, botFramework.AccessToken, botFramework.Token(TeamsApp.AppId), botFramework.ServiceUrl]);
                used.AddRange(botFramework.Calls.Select(call => call.Path));
                foreach (var link in new[] { sharedLink, chattedLink })
                {
                    used.Add(link.ToString());
                    used.Add(link.AbsolutePath.TrimEnd('/').Split('/')[^1]);
                }
            }

            used.AddRange(Directory.GetFiles(folder, "values-*.txt").SelectMany(File.ReadAllLines)
                .Select(line => line.Split('\t', 2)).Where(kind => kind.Length == 2 && kind[0] != "vocabulary").Select(kind => kind[1]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var lines = exported.Lines().ToList();

        Assert.Empty(Leaks(lines, used));
        Assert.Contains(used, value => value.StartsWith("/teams/v3/conversations/", StringComparison.Ordinal));
        Assert.Contains(exported.Metrics, m => m.Name == "onetimebot.links.created");
        Assert.Contains(exported.Spans, s => s.Kind == ActivityKind.Client && s.TagObjects.Any(t => t.Key == "url.full"));
        Assert.Contains(lines, line => line.Contains("[redacted]", StringComparison.Ordinal));
        Assert.NotEmpty(exported.LogLines);
    }

    /// <summary>The first card the bot posted that carries a link, waiting for each further post to the connector.</summary>
    private static async Task<JsonObject> CardWithALinkAsync(FakeBotFramework botFramework)
    {
        for (var count = 1; ; count++)
        {
            var card = (await botFramework.WaitForCallsAsync(count))[count - 1].Card;
            if (card?["actions"] is JsonArray actions && actions.Any(a => a?["type"]?.GetValue<string>() == "Action.OpenUrl"))
            {
                return card;
            }
        }
    }

    private const string TeamsAppPassword = "Tm7-telemetry-unique-app-password-5f0a";

    /// <summary>Every exported line holding a value the journey used, named by the value's first characters only.</summary>
    private static List<string> Leaks(List<string> lines, IEnumerable<string> used) =>
        [.. used.Where(v => v.Length >= 6).Distinct()
            .SelectMany(value => lines.Where(line => line.Contains(value, StringComparison.OrdinalIgnoreCase)).Select(line => $"{value[..4]}… in: {line}"))];

    private static Dictionary<string, string?> TeamsSettings(FakeBotFramework botFramework) => new()
    {
        ["Teams:AppId"] = TeamsApp.AppId,
        ["Teams:AppPassword"] = TeamsAppPassword,
        ["Teams:OpenIdMetadataUrl"] = botFramework.MetadataUrl.ToString(),
        ["Teams:LoginBaseUrl"] = botFramework.BaseUri.ToString().TrimEnd('/'),
        ["Teams:AdminObjectIds:0"] = "ad000000-0000-4000-8000-0000000000ad",
        ["Telemetry:Otlp:Endpoint"] = $"http://127.0.0.1:{FreePort.Next()}",
    };

    private static Dictionary<string, string?> Settings(FakeSlackServer slack) => new()
    {
        ["Slack:SigningSecret"] = SlackApp.SigningSecret,
        ["Slack:BotToken"] = SlackApp.BotToken,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUri.ToString(),
        ["Slack:ResponseUrlHosts:0"] = slack.BaseUri.Authority,
        // Turns the log exporter on; nothing listens there, and nothing needs to.
        ["Telemetry:Otlp:Endpoint"] = $"http://127.0.0.1:{FreePort.Next()}",
    };

    private static bool HasTag(MetricSnapshot metric, string key, string value)
    {
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                if (tag.Key == key && Equals(tag.Value, value))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
