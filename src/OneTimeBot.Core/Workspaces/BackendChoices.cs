using OneTimeBot.Core.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Workspaces;

/// <summary>The secret services an admin can pick in a settings form, and which of them a workspace uses now.</summary>
public static class BackendChoices
{
    /// <summary>The choice that stands for "a URL of your own", typed into a separate field.</summary>
    public const string Custom = "custom";

    public static readonly IReadOnlyList<(string Value, string Label)> All =
    [
        (OneTimeSecretOptions.EmbeddedBackend, "This OneTimeBot (embedded)"),
        ("us", "onetimesecret.com, US"),
        ("eu", "onetimesecret.com, EU"),
        ("ca", "onetimesecret.com, Canada"),
        ("nz", "onetimesecret.com, New Zealand"),
        ("uk", "onetimesecret.com, UK"),
        (Custom, "Your own server"),
    ];

    /// <summary>
    /// The choices an admin of this workspace is offered: what the operator allows, the operator's own default, and
    /// the workspace's current backend (so the form can show it even after the operator stopped allowing it).
    /// </summary>
    public static IReadOnlyList<(string Value, string Label)> Offered(AllowedBackends allowed, string operatorDefault, WorkspaceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var current = Current(settings);
        return All.Where(c => c.Value == current || BackendKey.Same(c.Value, operatorDefault) || c.Value switch
        {
            OneTimeSecretOptions.EmbeddedBackend => allowed.AllowsEmbedded,
            Custom => allowed.AllowsOwnServers,
            var region => allowed.AllowsRegion(region),
        }).ToArray();
    }

    /// <summary>The choice for the workspace's current backend.</summary>
    public static string Current(WorkspaceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.IsEmbedded ? OneTimeSecretOptions.EmbeddedBackend
            : OneTimeSecretRegions.Names.Contains(settings.Backend, StringComparer.OrdinalIgnoreCase) ? settings.Backend.ToLowerInvariant()
            : Custom;
    }

    /// <summary>The URL to show in the custom field: the backend when it is one, else nothing.</summary>
    public static string? CustomUrl(WorkspaceSettings settings) => Current(settings) == Custom ? settings.Backend : null;

    /// <summary>How a pinned field is named to an admin.</summary>
    public static string Describe(string field) => field switch
    {
        WorkspaceSettings.BackendField => "secret service",
        WorkspaceSettings.UsernameField => "username",
        WorkspaceSettings.ApiTokenField => "API token",
        WorkspaceSettings.DefaultTtlField => "default expiry",
        WorkspaceSettings.MaxTtlField => "longest expiry",
        WorkspaceSettings.AllowAnonymousField => "anonymous sharing",
        WorkspaceSettings.ShareDomainField => "share domain",
        WorkspaceSettings.NotifyOwnersField => "messages when links are opened",
        _ => field,
    };
}
