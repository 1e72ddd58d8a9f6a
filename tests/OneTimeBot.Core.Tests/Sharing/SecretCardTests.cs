using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Sharing;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Tests.Sharing;

/// <summary>A card's link is a bearer credential: it shows on the card and nowhere a card is printed.</summary>
public sealed class SecretCardTests
{
    private static readonly SecretCard Card = new(
        "r0000000000000000000000abc", SecretStatus.New, new Uri("https://eu.onetimesecret.com/secret/Kq7linkkeyzz9"),
        DateTimeOffset.FromUnixTimeSeconds(1764150000), TimeSpan.FromDays(7), PassphraseRequired: false, Recipient: null,
        BackendHost: "eu.onetimesecret.com", Generated: false);

    [Fact]
    public void Printing_a_card_or_the_reply_that_holds_it_leaves_its_link_out()
    {
        var reply = new CardReply(Result<SecretCard, SharingError>.Success(Card));

        Assert.DoesNotContain("Kq7linkkeyzz9", Card.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Kq7linkkeyzz9", reply.ToString(), StringComparison.Ordinal);
        Assert.Contains(Card.ReceiptId, Card.ToString(), StringComparison.Ordinal);
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
