namespace OneTimeBot.Host.Hosting.BodyLimits;

/// <summary>The host's endpoints grouped by what their requests carry and how they answer an error.</summary>
public enum EndpointFamily
{
    /// <summary><c>/api/v1/…</c>: Onetime Secret v1, answers JSON.</summary>
    SecretApi,

    /// <summary><c>/secret/…</c> and <c>/receipt/…</c>: pages people open, answer HTML.</summary>
    SecretPages,

    /// <summary><c>/slack/…</c>: Slack's requests and the OAuth install.</summary>
    Slack,

    /// <summary><c>/api/messages</c>: Bot Framework activities.</summary>
    Teams,

    /// <summary>Everything else: health, assets, unknown paths.</summary>
    Other,
}

public static class EndpointFamilies
{
    /// <summary>The family a path belongs to; like routing, ignoring case.</summary>
    public static EndpointFamily Of(PathString path) =>
        path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase) ? EndpointFamily.SecretApi
        : path.StartsWithSegments("/api/messages", StringComparison.OrdinalIgnoreCase) ? EndpointFamily.Teams
        : path.StartsWithSegments("/slack", StringComparison.OrdinalIgnoreCase) ? EndpointFamily.Slack
        : path.StartsWithSegments("/secret", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/receipt", StringComparison.OrdinalIgnoreCase) ? EndpointFamily.SecretPages
        : EndpointFamily.Other;
}
