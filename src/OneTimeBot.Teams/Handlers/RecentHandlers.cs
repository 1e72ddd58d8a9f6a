using Microsoft.Extensions.Options;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Teams.Configuration;
using OneTimeBot.Teams.Connector;
using OneTimeSecret.Client;

namespace OneTimeBot.Teams.Handlers;

/// <summary>
/// Burn on the card of recent links (<c>recent</c> in the chat). The card is replaced by the list as it is after, or,
/// when the burn was refused (a wrong passphrase, say), by the same list with why above it, to try again.
/// </summary>
public sealed class RecentHandlers(RecentLinks recent, ConnectorClient connector, IOptions<TeamsOptions> options)
{
    public async Task BurnAsync(TeamsTurn turn, string? trackedId, FormValues values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(values);
        var id = trackedId ?? "";
        var passphrase = SecretText.FromOptional(values[RecentLinksCard.PassphraseInput(id)]);
        var burned = await recent.BurnAsync(turn.Actor, id, passphrase, options.Value.FollowUpBudget, cancellationToken).ConfigureAwait(false);
        var card = burned.IsSuccess
            ? RecentLinksCard.Build(burned.Value)
            : RecentLinksCard.Build(await recent.ListAsync(turn.Actor, cancellationToken).ConfigureAwait(false), Problem(burned.Error));
        if (turn.Activity.ReplyToId is { Length: > 0 } cardId && await connector.UpdateAsync(turn.Activity, cardId, card, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await connector.ReplyAsync(turn.Activity, card, cancellationToken).ConfigureAwait(false);
    }

    private static Notice Problem(SharingError error) => new(error.Message, error.Hint);
}
