using System.Text;
using Microsoft.AspNetCore.Http;
using OneTimeBot.Slack.Payloads;

namespace OneTimeBot.Slack.Hosting;

/// <summary>
/// A request body as raw bytes, read once by <see cref="SlackSignatureFilter"/>: the signature is computed over exactly
/// these bytes, and the endpoint behind the filter reads them from here, never from the stream.
/// </summary>
internal sealed class SlackRequestBody(byte[] bytes)
{
    /// <summary>The host's limit for Slack's endpoints (see <see cref="Core.Hosting.RequestBodyLimits.SlackBytes"/>).</summary>
    public const int MaxBytes = Core.Hosting.RequestBodyLimits.SlackBytes;

    public byte[] Bytes { get; } = bytes;

    public string Text => Encoding.UTF8.GetString(Bytes);

    /// <summary>The body's form fields, each decoded only when asked for.</summary>
    public SlackForm Form() => new(Bytes);

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<SlackRequestBody?> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await Core.Hosting.BoundedBody.ReadAsync(request.Body, request.ContentLength, MaxBytes, cancellationToken).ConfigureAwait(false) is { } bytes
            ? new SlackRequestBody(bytes)
            : null;

    /// <summary>The body the signature filter verified for this request.</summary>
    public static SlackRequestBody Verified(HttpContext http) =>
        http?.Features.Get<SlackRequestBody>() ?? throw new InvalidOperationException("A signed Slack endpoint was reached without the signature filter in front of it.");
}
