using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.SecretServer.Crypto;
using OneTimeBot.SecretServer.Storage;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>The project's own v1 client against the embedded service: every call, one-time semantics, expiry.</summary>
public abstract partial class SecretServerContract
{
    [Fact]
    public async Task The_client_shares_reads_the_receipt_reveals_once_and_sees_the_receipt_received()
    {
        await using var host = await StartAsync();

        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("correct horse battery staple"), TimeSpan.FromHours(1)));
        var before = (await host.Client.GetReceiptAsync(host.Alice, shared.MetadataKey)).Value!;
        var revealed = (await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!)).Value!;
        var again = await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!);
        var after = (await host.Client.GetReceiptAsync(host.Alice, shared.MetadataKey)).Value!;

        Assert.Equal(new Uri(host.BaseUri, "secret/" + shared.SecretKey), shared.SecretLink);
        Assert.Equal(new Uri(host.BaseUri, "receipt/" + shared.MetadataKey), shared.ReceiptLink);
        Assert.Equal(SecretState.New, before.State);
        Assert.Equal(shared.SecretKey, before.SecretKey);
        Assert.Equal("correct horse battery staple", revealed.Value.Reveal());
        Assert.Equal(OtsFailureKind.SecretNotFound, again.Error!.Kind);
        Assert.Equal(SecretState.Received, after.State);
        Assert.Null(after.SecretKey);
        Assert.Null(after.SecretTtl);
        Assert.Equal(host.Clock.GetUtcNow().ToUnixTimeSeconds(), after.Received!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task The_client_generates_a_password_that_reveals_once()
    {
        await using var host = await StartAsync();

        var generated = (await host.Client.GenerateAsync(host.Alice, new GenerateRequest(TimeSpan.FromMinutes(5), Length: 16))).Value!;
        var revealed = (await host.Client.RevealAsync(host.Anonymous, generated.Receipt.SecretKey!)).Value!;

        Assert.Equal(16, generated.Value.Length);
        Assert.Equal(generated.Value.Reveal(), revealed.Value.Reveal());
        Assert.Equal(TimeSpan.FromMinutes(5), generated.Receipt.Ttl);
    }

    [Fact]
    public async Task A_passphrase_is_required_to_reveal_and_a_wrong_one_leaves_the_secret_in_place()
    {
        await using var host = await StartAsync();
        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("vault code 0451"), Passphrase: new SecretText("blue-elephant")));

        var none = await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!);
        var wrong = await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!, new SecretText("red-elephant"));
        var right = await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!, new SecretText("blue-elephant"));

        Assert.True(shared.PassphraseRequired);
        Assert.Equal(OtsFailureKind.SecretNotFound, none.Error!.Kind);
        Assert.Equal(OtsFailureKind.SecretNotFound, wrong.Error!.Kind);
        Assert.Equal("vault code 0451", right.Value!.Value.Reveal());
    }

    [Fact]
    public async Task Burn_destroys_the_secret_and_needs_its_passphrase_when_it_has_one()
    {
        await using var host = await StartAsync();
        var plain = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("burn me")));
        var guarded = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("burn me too"), Passphrase: new SecretText("pass-1234")));

        var burned = (await host.Client.BurnAsync(host.Alice, plain.MetadataKey)).Value!;
        var revealAfterBurn = await host.Client.RevealAsync(host.Anonymous, plain.SecretKey!);
        var burnTwice = await host.Client.BurnAsync(host.Alice, plain.MetadataKey);
        var wrongPassphrase = await host.Client.BurnAsync(host.Alice, guarded.MetadataKey, new SecretText("nope-nope"));
        var rightPassphrase = await host.Client.BurnAsync(host.Alice, guarded.MetadataKey, new SecretText("pass-1234"));

        Assert.Equal(SecretState.Burned, burned.State);
        Assert.Equal(OtsFailureKind.SecretNotFound, revealAfterBurn.Error!.Kind);
        Assert.Equal(OtsFailureKind.SecretNotFound, burnTwice.Error!.Kind);
        Assert.Equal(OtsFailureKind.WrongPassphrase, wrongPassphrase.Error!.Kind);
        Assert.Equal(SecretState.Burned, rightPassphrase.Value!.State);
        Assert.Equal(SecretState.Burned, (await host.Client.GetReceiptAsync(host.Alice, plain.MetadataKey)).Value!.State);
    }

    [Fact]
    public async Task After_its_ttl_a_secret_is_gone_and_its_receipt_says_expired_until_the_receipt_expires_too()
    {
        await using var host = await StartAsync();
        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("short-lived"), TimeSpan.FromMinutes(10)));

        host.Clock.Advance(TimeSpan.FromMinutes(9));
        var stillThere = (await host.Client.GetReceiptAsync(host.Alice, shared.MetadataKey)).Value!;
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var reveal = await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!);
        var expired = (await host.Client.GetReceiptAsync(host.Alice, shared.MetadataKey)).Value!;
        var secretRow = await host.Services.GetRequiredService<ISecretStore>().FindSecretAsync(host.Services.GetRequiredService<LookupIds>().Secret(shared.SecretKey!), default);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var receiptGone = await host.Client.GetReceiptAsync(host.Alice, shared.MetadataKey);

        Assert.Equal(SecretState.New, stillThere.State);
        Assert.Equal(TimeSpan.FromMinutes(1), stillThere.SecretTtl);
        Assert.Equal(OtsFailureKind.SecretNotFound, reveal.Error!.Kind);
        Assert.Equal(SecretState.Expired, expired.State);
        Assert.Null(expired.SecretKey);
        Assert.Null(secretRow);
        Assert.Equal(OtsFailureKind.SecretNotFound, receiptGone.Error!.Kind);
    }

    [Fact]
    public async Task Of_100_concurrent_reveals_of_one_secret_exactly_one_gets_the_value()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["SecretServer:AnonymousRevealsPerMinute"] = "1000" });
        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("only once")));
        // Awaited, not waited on: 100 blocked pool threads starved the rest of the run on a 2-core machine.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var reveals = Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!);
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(reveals);

        var winners = results.Where(r => r.IsSuccess).ToArray();
        Assert.Single(winners);
        Assert.Equal("only once", winners[0].Value!.Value.Reveal());
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(OtsFailureKind.SecretNotFound, r.Error!.Kind));
        Assert.Equal(SecretState.Received, (await host.Client.GetReceiptAsync(host.Alice, shared.MetadataKey)).Value!.State);
    }

    [Fact]
    public async Task Of_concurrent_burns_and_reveals_exactly_one_wins()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["SecretServer:AnonymousRevealsPerMinute"] = "1000" });
        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("race me")));

        var reveals = Enumerable.Range(0, 20).Select(_ => Task.Run(async () => (await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!)).IsSuccess));
        var burns = Enumerable.Range(0, 20).Select(_ => Task.Run(async () => (await host.Client.BurnAsync(host.Alice, shared.MetadataKey)).IsSuccess));
        var outcomes = await Task.WhenAll(reveals.Concat(burns));

        Assert.Equal(1, outcomes.Count(won => won));
    }
}
