namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>The answer of <c>GET /status</c> and <c>GET /authcheck</c>.</summary>
public sealed record ServiceStatus(string Status, string? Locale)
{
    public bool IsNominal => string.Equals(Status, "nominal", StringComparison.OrdinalIgnoreCase);
}
