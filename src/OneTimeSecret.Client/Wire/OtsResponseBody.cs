using System.Text.Json;
using System.Text.Unicode;

namespace OneTimeSecret.Client.Wire;

/// <summary>
/// Parses a buffered answer from its UTF-8 bytes, without the string that decoding it would make only for the parser
/// to encode it back. An answer whose text decoding could change (another charset, a UTF-16 or UTF-32 byte-order mark,
/// bytes that are not UTF-8) is read through <see cref="HttpContent.ReadAsStringAsync()"/> as before, so every server is
/// read as it was, a malformed one included.
/// </summary>
internal static class OtsResponseBody
{
    public static async Task<JsonDocument> ParseAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentType?.CharSet is not { } charset || IsUtf8(charset))
        {
            var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            // ReadAsStringAsync drops a UTF-8 byte-order mark; the parser would refuse it.
            var json = bytes.AsMemory(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0);
            if (Utf8.IsValid(json.Span))
            {
                return JsonDocument.Parse(json);
            }
        }

        return JsonDocument.Parse(await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }

    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
