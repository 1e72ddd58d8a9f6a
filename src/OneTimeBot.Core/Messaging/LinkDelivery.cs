using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Messaging;

/// <summary>
/// Sends a link just made to the person it is for, and says on the sender's card whether it went: "Sent to @alice", or
/// the link to pass on themselves and why it could not be sent. Used by share and generate with a recipient, and by
/// the answer to a request.
/// </summary>
public sealed class LinkDelivery(DirectMessengers messengers, ILinkTracking tracking)
{
    public Task<SecretCard> SendAsync(Actor sender, Person to, SecretCard card, string? note, CancellationToken cancellationToken) =>
        SendAsync(sender, to, toLocale: null, card, note, cancellationToken);

    /// <summary>
    /// As <see cref="SendAsync(Actor, Person, SecretCard, string?, CancellationToken)"/>, to someone whose language the
    /// core already knows (<paramref name="toLocale"/>, their platform's tag: a requester's, kept with their request).
    /// </summary>
    public async Task<SecretCard> SendAsync(Actor sender, Person to, string? toLocale, SecretCard card, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(card);
        // Within the sender's workspace, reached the way the sender is (same Slack org, same Teams service URL and bot);
        // but in the recipient's own language, which is not the sender's: unknown here, the platform finds it.
        var recipient = new Actor(sender.Workspace, to.UserId) { Reach = sender.Reach is { } reach ? reach with { ChannelUserId = null, Name = to.Name, Locale = toLocale } : null };
        var sent = await messengers.SendAsync(recipient, new LinkForYou(new Person(sender.UserId, sender.Reach?.Name), card with { TrackedId = null }, note), cancellationToken).ConfigureAwait(false);
        var sentTo = sent.Sent && sent.RecipientName is { Length: > 0 } name ? to with { Name = name } : to;
        // The link was tracked as for `to` before it was sent: a write only when sending taught something new (a name
        // a Teams picker did not give), or the link never reached them. Not cancelled with the request: it went or not.
        if (card.TrackedId is { } trackedId && (!sent.Sent || sentTo != to))
        {
            await tracking.RecipientKnownAsync(trackedId, sent.Sent ? sentTo : null, CancellationToken.None).ConfigureAwait(false);
        }

        return sent.Sent
            ? card with { SentTo = sentTo }
            : card with { NotSent = (to, sent.Problem ?? CoreStrings.Get("Error.Delivery.NotSent")) };
    }

    /// <summary>
    /// What a share or generate made, sent on to <paramref name="to"/> when it named someone: the card then says
    /// whether it went. A failure, or nobody to send to, is passed through as it is.
    /// </summary>
    public async Task<Result<SecretCard, SharingError>> SendAsync(
        Actor sender, Person? to, Result<SecretCard, SharingError> made, string? note, CancellationToken cancellationToken)
    {
        return to is not null && made.IsSuccess
            ? Result<SecretCard, SharingError>.Success(await SendAsync(sender, to, made.Value, note, cancellationToken).ConfigureAwait(false))
            : made;
    }
}
