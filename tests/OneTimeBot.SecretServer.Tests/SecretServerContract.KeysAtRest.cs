using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Storage;
using OneTimeBot.SecretServer.Crypto;
using OneTimeBot.SecretServer.Service;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>A link's keys are nowhere in the store: records live under keyed hashes, and what a key unlocks is sealed under it.</summary>
public abstract partial class SecretServerContract
{
    [Fact]
    public async Task No_secret_key_or_metadata_key_handed_out_is_anywhere_in_the_store_after_a_full_flow()
    {
        await using var host = await StartAsync();
        var anonymous = await host.ShareAsync(host.Anonymous, new ShareRequest(new SecretText("anonymous share")));
        var guarded = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("guarded share"), Passphrase: new SecretText("open-sesame-42")));
        var listed = await host.ShareAsync(host.Bob, new ShareRequest(new SecretText("listed share")));
        var burned = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("burned share")));
        var generated = (await host.Client.GenerateAsync(host.Alice, new GenerateRequest())).Value!.Receipt;
        SecretReceipt[] handedOut = [anonymous, guarded, listed, burned, generated];

        await host.Client.GetReceiptAsync(host.Alice, guarded.MetadataKey);
        await host.Http.GetStringAsync(guarded.ReceiptLink);
        await host.Http.GetStringAsync(anonymous.SecretLink);
        await host.Client.RevealAsync(host.Anonymous, guarded.SecretKey!, new SecretText("wrong-guess"));
        await host.Client.BurnAsync(host.Alice, guarded.MetadataKey, new SecretText("wrong-guess"));
        await host.Client.RevealAsync(host.Anonymous, anonymous.SecretKey!);
        await host.Client.RevealAsync(host.Anonymous, generated.SecretKey!);
        await host.Client.BurnAsync(host.Alice, burned.MetadataKey);
        var recent = (await host.Client.GetRecentAsync(host.Bob)).Value!;
        var stored = await ReadAllStoredBytesAsync(host);

        Assert.Equal([listed.MetadataKey], recent.Select(r => r.MetadataKey));
        var ids = host.Services.GetRequiredService<LookupIds>();
        // The scan sees what the store holds: the ids are there, in clear.
        Assert.True(Holds(stored, ids.SecretId(listed.SecretKey!)), "the scan should find the ids the store keeps");
        Assert.True(Holds(stored, ids.ReceiptId(listed.MetadataKey)), "the scan should find the ids the store keeps");
        for (var i = 0; i < handedOut.Length; i++)
        {
            Assert.False(Holds(stored, handedOut[i].MetadataKey), $"share {i}: its metadata key is readable in the store");
            Assert.False(Holds(stored, handedOut[i].SecretKey!), $"share {i}: its secret key is readable in the store");
        }
    }

    [Fact]
    public async Task An_id_from_the_store_presented_as_a_key_is_an_unknown_secret_and_the_link_still_works()
    {
        await using var host = await StartAsync();
        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("only with the link")));
        var ids = host.Services.GetRequiredService<LookupIds>();
        var secretId = ids.SecretId(shared.SecretKey!);
        var receiptId = ids.ReceiptId(shared.MetadataKey);

        using var reveal = await host.PostFormAsync($"api/v1/secret/{secretId}", Form());
        using var receipt = await host.PostFormAsync($"api/v1/private/{receiptId}", Form(), $"alice@example.com:{SecretServerHost.AliceToken}");
        using var burn = await host.PostFormAsync($"api/v1/private/{receiptId}/burn", Form(), $"alice@example.com:{SecretServerHost.AliceToken}");
        using var page = await host.Http.GetAsync(new Uri(host.BaseUri, "secret/" + secretId));
        using var receiptPage = await host.Http.GetAsync(new Uri(host.BaseUri, "receipt/" + receiptId));
        var revealed = await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!);

        await AssertV1ErrorAsync(reveal, 404, UnknownSecretMessage);
        await AssertV1ErrorAsync(receipt, 404, UnknownSecretMessage);
        await AssertV1ErrorAsync(burn, 404, UnknownSecretMessage);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, receiptPage.StatusCode);
        Assert.Equal("only with the link", revealed.Value!.Value.Reveal());
    }

    [Fact]
    public async Task Each_account_gets_its_own_metadata_keys_back_from_recent_and_a_new_token_cannot_open_old_ones()
    {
        await using var host = await StartAsync();
        var first = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("alices-first-recent-4b2d")));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("alices-second-recent-4b2d")));
        await host.Client.ShareAsync(host.Bob, new ShareRequest(new SecretText("bobs-own-recent-4b2d")));

        var recent = (await host.Client.GetRecentAsync(host.Alice)).Value!;
        var sameStore = SameStoreAndKey(host);
        sameStore["SecretServer:Accounts:0:ApiTokenSha256"] = SecretServerHost.Sha256("alice-new-token-77f1");
        await using var rotated = await StartAsync(sameStore);
        var afterRotation = (await rotated.Client.GetRecentAsync(new OneTimeSecretConnection(rotated.BaseUri,
            new OneTimeSecretCredentials("alice@example.com", new SecretText("alice-new-token-77f1"))))).Value!;

        Assert.Equal([second.MetadataKey, first.MetadataKey], recent.Select(r => r.MetadataKey));
        Assert.Empty(afterRotation);
    }

    /// <summary>Settings for a second host on the same store under the same server key.</summary>
    private static Dictionary<string, string?> SameStoreAndKey(SecretServerHost host)
    {
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storage.IsRedis ? storage.ConnectionString : "Data Source=" + host.Services.GetRequiredService<SqliteDatabase>().FilePath,
            ["Storage:RedisKeyPrefix"] = storage.RedisKeyPrefix,
            ["SecretServer:EncryptionKey"] = host.Services.GetRequiredService<IConfiguration>()["SecretServer:EncryptionKey"],
        };
    }

    private static bool Holds(byte[] stored, string text) =>
        stored.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0 ||
        stored.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0 ||
        stored.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text.ToLowerInvariant())) >= 0;
}
