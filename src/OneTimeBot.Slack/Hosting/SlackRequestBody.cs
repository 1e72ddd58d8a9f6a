using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace OneTimeBot.Slack.Hosting;

/// <summary>A request body as raw bytes, read once: the signature is computed over exactly these bytes.</summary>
internal static class SlackRequestBody
{
    /// <summary>The host's limit for Slack's endpoints (see <see cref="Core.Hosting.RequestBodyLimits.SlackBytes"/>).</summary>
    public const int MaxBytes = Core.Hosting.RequestBodyLimits.SlackBytes;

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Core.Hosting.BoundedBody.ReadAsync(request.Body, request.ContentLength, MaxBytes, cancellationToken);

    public static Dictionary<string, StringValues> Form(byte[] body) =>
        QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body));
}
