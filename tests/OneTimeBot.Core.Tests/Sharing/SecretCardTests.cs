using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Tests.Sharing;

/// <summary>A card's link is a bearer credential: it shows on the card and nowhere a card is printed.</summary>
public sealed class SecretCardTests
{
    private static readonly SecretCard Card = new(
        "r0000000000000000000000abc", SecretStatus.New, new Uri("https://eu.onetimesecret.com/secret/Kq7linkkeyzz9"),
        DateTimeOffset.FromUnixTimeSeconds(1764150000), TimeSpan.FromDays(7), PassphraseRequired: false, Recipient: null,
        BackendHost: "eu.onetimesecret.com", Generated: false)
    {
        TrackedId = "t0000000000000000000000xyz",
    };

    [Fact]
    public void Printing_a_card_or_the_reply_that_holds_it_leaves_its_link_and_receipt_id_out_and_names_the_link_by_its_tracked_id()
    {
        var reply = new CardReply(Result<SecretCard, SharingError>.Success(Card));

        foreach (var printed in new[] { Card.ToString(), reply.ToString() })
        {
            Assert.DoesNotContain("Kq7linkkeyzz9", printed, StringComparison.Ordinal);
            // The receipt id unseals the stored copy of the link.
            Assert.DoesNotContain(Card.ReceiptId, printed, StringComparison.Ordinal);
            Assert.Contains(Card.TrackedId!, printed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Printing_a_receipt_read_back_for_a_card_leaves_out_the_card_id_and_the_sealed_keys_it_opens()
    {
        var receipt = new ReceiptRecord(
            Card.ReceiptId, new WorkspaceId(ChatPlatform.Slack, "T0ACME"), "U0ALICE", "embedded", "sealed-keys-Zq81",
            Card.ExpiresAt - Card.Ttl, Card.ExpiresAt, Card.Ttl, PassphraseRequired: false, Recipient: null, Generated: false)
        {
            TrackedId = Card.TrackedId,
        };

        var printed = receipt.ToString();

        Assert.DoesNotContain(Card.ReceiptId, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("sealed-keys-Zq81", printed, StringComparison.Ordinal);
        Assert.Contains(Card.TrackedId!, printed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_put_into_a_message_speaks_to_its_recipients()
    {
        Assert.Equal("🔒 Your one-time link is ready", SecretCardText.Title(Card));
        Assert.Equal("🔒 A one-time secret", SecretCardText.Title(Card, CardAudience.Shared));
        Assert.Contains("don't open it yourself", SecretCardText.Warning(CardAudience.Sender), StringComparison.Ordinal);
        Assert.Contains("Only its recipient should open it", SecretCardText.Warning(CardAudience.Shared), StringComparison.Ordinal);
    }
}
