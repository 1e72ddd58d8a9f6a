using System.Text.Json;
using Microsoft.Extensions.Primitives;
using OneTimeBot.Slack.Hosting;

namespace OneTimeBot.Slack.SocketMode;

/// <summary>
/// Hands an envelope's payload to <see cref="SlackInbound"/>, the same path a signed HTTP request takes: the socket is
/// already authenticated by the app token, so the signature check is the one step left out.
/// </summary>
public sealed class SocketEnvelopeHandler(SlackInbound inbound)
{
    /// <summary>What the HTTP endpoint for the envelope's type would answer; null for a type Slack does not deliver this way.</summary>
    public async Task<SlackAnswer?> HandleAsync(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope.Type switch
        {
            SocketEnvelope.SlashCommands => await inbound.CommandAsync(FormOf(envelope.Payload), cancellationToken).ConfigureAwait(false),
            SocketEnvelope.Interactive => await inbound.InteractionAsync(JsonOf(envelope.Payload), cancellationToken).ConfigureAwait(false),
            SocketEnvelope.EventsApi => await inbound.EventAsync(JsonOf(envelope.Payload), cancellationToken).ConfigureAwait(false),
            _ => null,
        };
    }

    /// <summary>A slash command's fields, posted over HTTP as a form, arrive here as a JSON object of strings.</summary>
    private static Dictionary<string, StringValues> FormOf(JsonElement payload)
    {
        var form = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return form;
        }

        foreach (var field in payload.EnumerateObject())
        {
            form[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.String => field.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => field.Value.GetRawText(),
                // An object or array is no form field: left out, so the command's parser sees it missing.
                _ => StringValues.Empty,
            };
        }

        return form;
    }

    private static string? JsonOf(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object ? payload.GetRawText() : null;
}
