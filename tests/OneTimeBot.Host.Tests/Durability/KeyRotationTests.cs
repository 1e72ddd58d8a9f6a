using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using OneTimeBot.SecretServer.Configuration;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Durability;

/// <summary>
/// An operator rotates <c>SecretServer:EncryptionKey</c> as the README says: the host restarts with a new key B and the
/// old key A under <c>SecretServer:PreviousEncryptionKeys</c>; links made under A still reveal and their receipts still
/// answer, new links are made under B; once A is removed, only what B made is readable. The host's own processes, on
/// the same store, as an operator runs them.
/// </summary>
public sealed class KeyRotationTests
{
    [Theory]
    [InlineData(DurableStore.Sqlite)]
    [InlineData(DurableStore.Redis)]
    public async Task After_a_key_rotation_old_links_reveal_while_the_previous_key_is_kept_and_only_links_made_under_the_new_key_once_it_is_removed(string provider)
    {
        await using var store = await DurableStore.StartAsync(provider);
        await using var slack = await FakeSlackServer.StartAsync();
        var settings = OperatorSettings.For(store, slack, OperatorSettings.NewSigningSecret());
        var keyA = RandomNumberGenerator.GetBytes(ServerKey.Length);
        var keyB = RandomNumberGenerator.GetBytes(ServerKey.Length);

        // Under key A: two links, one to open during the rotation and one to open after A is gone.
        settings["SecretServer__EncryptionKey"] = Convert.ToBase64String(keyA);
        await using var underA = new BotProcess(settings);
        await underA.StartAsync();
        var openedDuringRotation = await ShareAsync(underA.Http, $"Qx8-made-under-key-a-{Guid.NewGuid():N}");
        var leftUntilAfter = await ShareAsync(underA.Http, $"Qx8-left-under-key-a-{Guid.NewGuid():N}");
        await underA.StopAsync();

        // Rotated: B seals, A only opens.
        settings["SecretServer__EncryptionKey"] = Convert.ToBase64String(keyB);
        settings["SecretServer__PreviousEncryptionKeys__0"] = Convert.ToBase64String(keyA);
        await using var rotating = new BotProcess(settings);
        await rotating.StartAsync();
        Assert.Contains($"server key {ServerKey.IdOf(keyB)} (SecretServer:EncryptionKey) seals everything new; 1 previous key(s) {ServerKey.IdOf(keyA)}", rotating.Output, StringComparison.Ordinal);
        Assert.Equal(openedDuringRotation.Secret, await RevealAsync(rotating.Http, openedDuringRotation.SecretKey));
        Assert.Equal("received", await ReceiptStateAsync(rotating.Http, openedDuringRotation.MetadataKey));
        Assert.Equal("new", await ReceiptStateAsync(rotating.Http, leftUntilAfter.MetadataKey));
        var madeUnderB = await ShareAsync(rotating.Http, $"Qx8-made-under-key-b-{Guid.NewGuid():N}");
        await rotating.StopAsync();

        // A removed: what B made opens, what A made is gone.
        settings.Remove("SecretServer__PreviousEncryptionKeys__0");
        await using var afterRotation = new BotProcess(settings);
        await afterRotation.StartAsync();
        Assert.Contains($"Server key {ServerKey.IdOf(keyB)} (SecretServer:EncryptionKey) seals and opens everything; no SecretServer:PreviousEncryptionKeys are set", afterRotation.Output, StringComparison.Ordinal);
        Assert.Null(await RevealAsync(afterRotation.Http, leftUntilAfter.SecretKey));
        Assert.Equal(madeUnderB.Secret, await RevealAsync(afterRotation.Http, madeUnderB.SecretKey));
    }

    [Fact]
    public async Task A_previous_key_that_is_not_a_key_or_is_the_current_one_stops_the_host_naming_the_setting()
    {
        var current = Convert.ToBase64String(RandomNumberGenerator.GetBytes(ServerKey.Length));
        await using var host = HostProcess.Start(
            new Dictionary<string, string>
            {
                ["SecretServer__EncryptionKey"] = current,
                ["SecretServer__PreviousEncryptionKeys__0"] = "not-a-key",
                ["SecretServer__PreviousEncryptionKeys__1"] = current,
                ["Slack__Enabled"] = "false",
                ["Teams__Enabled"] = "false",
            },
            "--urls", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("  - SecretServer:PreviousEncryptionKeys:0 must be 32 bytes, base64-encoded", host.Output, StringComparison.Ordinal);
        Assert.Contains("  - SecretServer:PreviousEncryptionKeys:1 is the current SecretServer:EncryptionKey", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(current, host.Output, StringComparison.Ordinal);
    }

    private static async Task<(string Secret, string SecretKey, string MetadataKey)> ShareAsync(HttpClient http, string secret)
    {
        TestRunLedger.Secret(secret);
        using var response = await http.PostAsync(new Uri("/api/v1/share", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["secret"] = secret, ["ttl"] = "3600" }));
        var body = await response.Content.ReadAsStringAsync();
        TestRunLedger.Current.NoteServiceAnswer(body, generated: false);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(body).RootElement;
        return (secret, json.GetProperty("secret_key").GetString()!, json.GetProperty("metadata_key").GetString()!);
    }

    /// <summary>The revealed value, or null when the service answers that there is no such secret.</summary>
    private static async Task<string?> RevealAsync(HttpClient http, string secretKey)
    {
        using var response = await http.PostAsync(new Uri($"/api/v1/secret/{secretKey}", UriKind.Relative), new FormUrlEncodedContent([]));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(body).RootElement.GetProperty("value").GetString();
    }

    private static async Task<string> ReceiptStateAsync(HttpClient http, string metadataKey)
    {
        using var response = await http.PostAsync(new Uri($"/api/v1/private/{metadataKey}", UriKind.Relative), new FormUrlEncodedContent([]));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(body).RootElement.GetProperty("state").GetString()!;
    }
}
