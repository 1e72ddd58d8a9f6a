using OneTimeSecret.Client;

namespace OneTimeSecret.Client.Tests;

/// <summary>Keys and links are bearer credentials: the client's records print without them, so logging one leaks nothing.</summary>
public sealed class RecordPrintingTests
{
    private static readonly SecretReceipt Receipt = new(
        "ops@acme.example", "Mk7metadatakeyzz41", "Sk7secretkeyzz41", SecretState.New, TimeSpan.FromDays(7), null, null,
        DateTimeOffset.FromUnixTimeSeconds(1764150000), DateTimeOffset.FromUnixTimeSeconds(1764150000), null, [], null,
        PassphraseRequired: true, new Uri("https://eu.onetimesecret.com/secret/Sk7secretkeyzz41"),
        new Uri("https://eu.onetimesecret.com/receipt/Mk7metadatakeyzz41"));

    [Fact]
    public void A_receipt_a_generated_secret_a_reveal_and_a_result_print_no_key_link_or_value()
    {
        var printed = string.Join('\n',
            Receipt.ToString(),
            new GeneratedSecret(Receipt, new SecretText("Gv7generatedzz41")).ToString(),
            new RevealedSecret(new SecretText("Rv7revealedzz41"), "Sk7secretkeyzz41", null).ToString(),
            Result<SecretReceipt, OtsFailure>.Success(Receipt).ToString());

        foreach (var credential in new[] { "Mk7metadatakeyzz41", "Sk7secretkeyzz41", "Gv7generatedzz41", "Rv7revealedzz41" })
        {
            Assert.DoesNotContain(credential, printed, StringComparison.Ordinal);
        }

        Assert.Contains("PassphraseRequired = True", Receipt.ToString(), StringComparison.Ordinal);
    }
}
