using OneTimeBot.Core.Sharing;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Views;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>The run-wide leak scan looks for card receipt ids only if the ledger learns them from what Slack is sent.</summary>
public sealed class LeakLedgerReceiptIdTests
{
    [Fact]
    public async Task The_leak_ledger_learns_the_receipt_id_from_a_cards_buttons_and_from_a_burn_modals_metadata()
    {
        var card = new SecretCard("k2v9x0c7b4n1m8z5a3s6d9f2g1", SecretStatus.New, new Uri("https://eu.onetimesecret.com/secret/7n3k9d2x5q8w1m4c6v0b7z2l5j8h1g4f6d3s9a"),
            DateTimeOffset.FromUnixTimeSeconds(1_795_000_000), TimeSpan.FromDays(7), PassphraseRequired: false, Recipient: null,
            BackendHost: "eu.onetimesecret.com", Generated: false);
        var (values, _) = await TemporaryLedger.RecordAsync(ledger =>
        {
            ledger.NoteLinksIn(CardBlocks.Render(card).ToJsonString());
            ledger.NoteLinksIn(BurnModal.Build(new ViewMetadata(ReceiptId: "m4n8b2v6c0x3z7l1k5j9h3g7f1")).ToJsonString());
        });

        Assert.Contains("receipt-id\tk2v9x0c7b4n1m8z5a3s6d9f2g1", values);
        Assert.Contains("receipt-id\tm4n8b2v6c0x3z7l1k5j9h3g7f1", values);
    }
}
