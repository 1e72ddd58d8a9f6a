using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests;

/// <summary>
/// The run-wide leak scan (scripts/scan-test-logs.sh, run by ./test.sh) proves here that its silence means something:
/// values leaked through a real host's logger and a child host's console, each in a form a log line can carry it,
/// make it fail naming every one. Under ./test.sh the planted folder stays in the run's ledger, and the scan's
/// self-test checks it again before the real scan.
/// </summary>
public sealed class LeakScanTests
{
    [Fact]
    public async Task The_leak_scan_fails_naming_each_value_a_real_host_leaked_as_written_url_encoded_or_json_escaped()
    {
        var run = TestRunLedger.Current?.Folder;
        var folder = Path.Combine(run ?? Directory.CreateTempSubdirectory("onetimebot-planted-").FullName, "planted");
        var unique = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var signingSecret = "Sgn1-planted-" + unique;
        var apiToken = "Tkn2+planted/\u00e9-" + unique;
        var urlSecret = "Url3 planted+\u00e9-" + unique;
        var formSecret = "Frm4 planted value+" + unique;
        var childBackend = "Chld5-planted-" + unique;
        var receiptId = OneTimeBot.Core.Sharing.TimeOrderedIds.New(DateTimeOffset.UtcNow);
        const string ShortPassphrase = "Qz7";
        const string ShortInsideAWord = "Wq3";
        string metadataKey;

        using (var ledger = new LedgerFolder(folder))
        {
            await using (var host = new HostFactory(
                new Dictionary<string, string?>
                {
                    ["Slack:SigningSecret"] = signingSecret,
                    ["Slack:BotToken"] = "xoxb-1111-2222-" + unique,
                    ["Planted:ApiToken"] = apiToken,
                },
                ledger: ledger))
            {
                // The ledger learns the keys from the embedded service's own answer, as it does for every test.
                using var client = host.CreateClient();
                using var shared = await client.PostAsync(new Uri("/api/v1/share", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["secret"] = "planted share " + unique }));
                Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
                metadataKey = (await shared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("metadata_key").GetString()!;

                ledger.Note(LedgerKind.Secret, urlSecret);
                ledger.Note(LedgerKind.Secret, formSecret);
                ledger.Note(LedgerKind.Passphrase, ShortPassphrase);
                ledger.Note(LedgerKind.Passphrase, ShortInsideAWord);
                var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OneTimeBot.PlantedLeak");
                logger.LogTrace("Verifying with {SigningSecret}", signingSecret);
                using (logger.BeginScope(new Dictionary<string, object> { ["Receipt"] = metadataKey }))
                {
                    logger.LogDebug("Looking up a receipt");
                }

                logger.LogInformation("Sent {Body}", "secret=" + Uri.EscapeDataString(urlSecret));
                logger.LogWarning("Sent {Body}", "secret=" + WebUtility.UrlEncode(formSecret));
                logger.LogError(new InvalidOperationException("The backend answered " + JsonSerializer.Serialize(new { token = apiToken })), "Sharing failed");
                logger.LogCritical("Typed passphrase={Passphrase}; nothing to find in {Word}", ShortPassphrase, "x" + ShortInsideAWord + "y");
                // A card's Check status button, as a Slack reply carries it.
                ledger.NoteLinksIn($$"""{"blocks":[{"type":"actions","elements":[{"type":"button","action_id":"receipt_status","value":"{{receiptId}}"}]}]}""");
                logger.LogInformation("Checked {Receipt}", receiptId);
            }

            // A child host that refuses its configuration prints the wrong value on its standard error.
            ledger.Note(LedgerKind.Secret, childBackend);
            await using var child = HostProcess.Start(ledger, new Dictionary<string, string> { ["OneTimeSecret__Backend"] = childBackend });
            Assert.Equal(1, await child.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }

        string[] expected =
        [
            "credential Sgn1… (as written)",
            $"metadata-key {metadataKey[..4]}… (as written)",
            "secret Url3… (URL-encoded)",
            "secret Frm4… (form-encoded)",
            "token Tkn2… (JSON-escaped)",
            "passphrase Qz7… (as written)",
            $"receipt-id {receiptId[..4]}… (as written)",
            "secret Chld… (as written)",
        ];
        await File.WriteAllLinesAsync(Path.Combine(folder, "expected-leaks.txt"), expected);
        var (exitCode, report) = await ScanAsync(folder);
        if (run is null)
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }

        Assert.Equal(1, exitCode);
        foreach (var leak in expected)
        {
            Assert.Contains("  " + leak, report, StringComparison.Ordinal);
        }

        Assert.Contains("child/stderr", report, StringComparison.Ordinal);
        Assert.DoesNotContain("passphrase Wq3", report, StringComparison.Ordinal);
        Assert.DoesNotContain(unique, report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_an_in_process_hosts_console_logger_writes_reaches_the_ledger_although_the_host_puts_in_its_own_console_writer()
    {
        var probe = "console probe " + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

        var (_, logs) = await TemporaryLedger.RecordAsync(async ledger =>
        {
            using (ConsoleCopy.Into(ledger))
            {
                await using var host = new HostFactory(new Dictionary<string, string?>(), ledger: ledger);
                host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OneTimeBot.ConsoleProbe").LogWarning("{Probe}", probe);
                // Stopping the host empties its console logger's queue.
            }
        });

        Assert.Contains(logs, line => line.StartsWith("console/out\t", StringComparison.Ordinal) && line.Contains(probe, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_console_copy_goes_back_in_front_of_a_writer_put_in_after_it()
    {
        var probe = "console probe " + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

        var (_, logs) = await TemporaryLedger.RecordAsync(ledger =>
        {
            using (ConsoleCopy.Into(ledger))
            {
                // What the host does as it starts: its own writer over standard output, in place of the console's.
                Console.SetOut(new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true });
                ConsoleCopy.KeepCopying();
                Console.Out.WriteLine(probe);
            }
        });

        Assert.Contains($"console/out\t{probe}", logs);
    }

    [Fact]
    public void Every_ledger_line_is_on_disk_as_soon_as_it_is_written_so_a_killed_test_process_loses_none()
    {
        var folder = Directory.CreateTempSubdirectory("onetimebot-ledger-").FullName;
        try
        {
            using var ledger = new LedgerFolder(folder);

            ledger.Note(LedgerKind.Passphrase, "noted before the kill");
            ledger.LogLine("child/stderr", "written before the kill");

            // Read while the ledger is still open, as the scan reads the files of a test process the runner killed.
            Assert.Equal("passphrase\tnoted before the kill\n", ReadWhileOpen(Directory.GetFiles(folder, "values-*.txt").Single()));
            Assert.Equal("child/stderr\twritten before the kill\n", ReadWhileOpen(Directory.GetFiles(folder, "logs-*.txt").Single()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string ReadWhileOpen(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<(int ExitCode, string Output)> ScanAsync(string folder)
    {
        var info = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(RepositoryRoot.Combine("scripts", "scan-test-logs.sh"));
        info.ArgumentList.Add(folder);
        using var scan = System.Diagnostics.Process.Start(info)!;
        var output = scan.StandardOutput.ReadToEndAsync();
        var errors = scan.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await scan.WaitForExitAsync(timeout.Token);
        return (scan.ExitCode, await output + await errors);
    }
}
