namespace OneTimeSecret.Client;

/// <summary>The answer of <c>GET /api/v1/status</c> and <c>GET /api/v1/authcheck</c>.</summary>
/// <param name="Status">The server's word for its state: <c>nominal</c> when all is well, <c>offline</c> otherwise.</param>
/// <param name="Locale">The server's locale, when it says.</param>
public sealed record ServiceStatus(string Status, string? Locale)
{
    /// <summary>True when the server reports that it is working.</summary>
    public bool IsNominal => string.Equals(Status, "nominal", StringComparison.OrdinalIgnoreCase);
}
