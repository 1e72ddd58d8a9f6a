namespace OneTimeBot.Testing;

/// <summary>A request as a fake server received it, for asserting what went over the wire.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    string? Authorization,
    string? ContentType,
    string Body,
    IReadOnlyDictionary<string, string> Form,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The <c>username:token</c> pair of an HTTP Basic header, or null.</summary>
    public string? BasicCredentials =>
        Authorization is { } a && a.StartsWith("Basic ", StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(a["Basic ".Length..]))
            : null;
}
