using System.Text.Json;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// A <see cref="SecretCard"/>'s blocks, written straight into the reply: its words are looked up when it is made, in the
/// reader's language; <see cref="WriteTo"/> lays them out. A live card offers Check status and Burn now, never a button
/// that opens the link, which would burn the secret for its sender.
/// </summary>
internal sealed class SecretCardBlocks : WrittenBlocks
{
    private readonly string _title;
    private readonly string? _notSent;
    private readonly string _linkOrStatus;
    private readonly string? _sentTo;
    private readonly string _expiry;
    private readonly string _passphrase;
    private readonly string? _recipient;
    private readonly string _service;
    private readonly LiveActions? _live;

    public SecretCardBlocks(SecretCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        _title = SecretCardText.Title(card);
        if (card.NotSent is { } notSent)
        {
            _notSent = $":warning: *{DirectMessageText.NotSentTo(DirectMessageBlocks.Mention(notSent.To))}* {Blocks.Escape(notSent.Problem)}";
        }

        _linkOrStatus = card.IsLive && card.Link is { } link
            ? $"*{SecretCardText.LinkLabel}:*\n{Blocks.Escape(link.ToString())}"
            : SecretCardText.StatusSentence(card, Blocks.LocalDate);
        if (card.SentTo is { } sentTo)
        {
            _sentTo = DirectMessageText.SentTo(DirectMessageBlocks.Mention(sentTo));
        }

        var (expiryLabel, expiry) = SecretCardText.ExpiryFact(card, Blocks.LocalDate);
        _expiry = Fact(expiryLabel, expiry);
        _passphrase = Fact(SecretCardText.PassphraseLabel, SecretCardText.PassphraseFact(card));
        if (card.Recipient is { } recipient)
        {
            // An obscured address is full of asterisks, which mrkdwn would read as bold: shown as look-alike ∗ instead.
            _recipient = Fact(SecretCardText.RecipientLabel, Blocks.Escape(recipient).Replace('*', '\u2217'));
        }

        _service = Fact(SecretCardText.ServiceLabel, Blocks.Escape(card.BackendHost));
        if (card.IsLive)
        {
            _live = new LiveActions(
                SecretCardText.CheckStatusButton,
                SecretCardText.BurnButton,
                card.ReceiptId,
                card.PassphraseRequired ? null : new Confirmation(
                    SecretCardText.BurnConfirmTitle, SecretCardText.BurnConfirmText, SecretCardText.BurnConfirmYes, SecretCardText.BurnConfirmNo),
                card.SentTo is not null ? DirectMessageText.SentToWarning
                : card.NotSent is not null ? DirectMessageText.PassItOnYourself
                : SecretCardText.OpenOnceWarning);
        }
    }

    public override void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        writer.WriteHeader(_title);
        if (_notSent is not null)
        {
            // First, before the link: the sender expected it to be on its way.
            writer.WriteSection(_notSent);
        }

        writer.WriteSection(_linkOrStatus);
        if (_sentTo is not null)
        {
            writer.WriteSection(_sentTo);
        }

        if (_recipient is null)
        {
            writer.WriteFields(_expiry, _passphrase, _service);
        }
        else
        {
            writer.WriteFields(_expiry, _passphrase, _recipient, _service);
        }

        if (_live is { } live)
        {
            writer.WriteStartActions();
            writer.WriteButton(live.CheckStatus, ActionIds.CheckStatus, live.ReceiptId);
            // With a passphrase, Burn opens a modal that asks for it, which is confirmation enough.
            writer.WriteButton(live.Burn, live.BurnConfirm is null ? ActionIds.BurnWithPassphrase : ActionIds.Burn, live.ReceiptId, danger: true, live.BurnConfirm);
            writer.WriteEndActions();
            writer.WriteContext(live.Warning);
        }

        writer.WriteEndArray();
    }

    private static string Fact(string label, string value) => $"*{label}*\n{value}";

    /// <summary>What only a live card offers: its buttons, and the warning under them.</summary>
    private readonly record struct LiveActions(string CheckStatus, string Burn, string ReceiptId, Confirmation? BurnConfirm, string Warning);
}
