using OneTimeBot.Testing;
using static OneTimeBot.Testing.RecordedShapes;

namespace OneTimeSecret.Client.Tests;

public sealed class OneTimeSecretClientLoggingTests
{
    [Fact]
    public async Task Sharing_with_a_passphrase_logs_the_call_but_neither_the_secret_passphrase_token_nor_keys()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.ServerError(503), FakeResponse.Json(ShareWithIntegers));
        h.Server.On("POST", "/api/v1/secret/" + OldSecretKey, FakeResponse.OtsError("Unknown secret", secretKey: OldSecretKey));
        h.Server.On("POST", "/api/v1/generate", FakeResponse.Json(Generated));
        const string secret = "Pa55w0rd-for-the-prod-db";
        const string passphrase = "blue-elephant-42";

        var share = await h.Client.ShareAsync(h.Account, new ShareRequest(new SecretText(secret), TimeSpan.FromMinutes(5), new SecretText(passphrase)));
        await h.Client.RevealAsync(h.Account, OldSecretKey, new SecretText(passphrase));
        await h.Client.GenerateAsync(h.Account, new GenerateRequest(Passphrase: new SecretText(passphrase)));

        Assert.True(share.IsSuccess);
        var logs = h.Logs.AllText;
        Assert.Contains("Onetime Secret share on", logs, StringComparison.Ordinal);
        Assert.Contains("Onetime Secret reveal on", logs, StringComparison.Ordinal);
        foreach (var forbidden in new[] { secret, passphrase, "tok_4f9a2b7c", "Hk7#pQ2$mZx9", OldSecretKey, OldMetadataKey })
        {
            Assert.DoesNotContain(forbidden, logs, StringComparison.Ordinal);
        }
    }
}
