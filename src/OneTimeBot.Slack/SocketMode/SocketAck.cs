using System.Buffers;
using System.Text.Json;
using OneTimeBot.Slack.BlockKit;

namespace OneTimeBot.Slack.SocketMode;

/// <summary>
/// The acknowledgement of an envelope, <c>{"envelope_id": …, "payload": …}</c>: the payload is the JSON body the HTTP
/// endpoint would have answered (a command's reply, a modal's <c>response_action</c>), left out when there is none.
/// </summary>
public static class SocketAck
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = SlackReply.WireOptions.Encoder };

    public static byte[] Write(string envelopeId, byte[]? payload)
    {
        ArgumentNullException.ThrowIfNull(envelopeId);
        var buffer = new ArrayBufferWriter<byte>(64 + (payload?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id", envelopeId);
            if (payload is { Length: > 0 })
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(payload, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
