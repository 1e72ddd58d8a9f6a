using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.Localization;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Workspaces;

/// <summary>The secret services an admin can pick in a settings form, and which of them a workspace uses now.</summary>
public static class BackendChoices
{
    /// <summary>The choice that stands for "a URL of your own", typed into a separate field.</summary>
    public const string Custom = "custom";

    /// <summary>Every choice, labelled in the reader's words.</summary>
    public static IReadOnlyList<(string Value, string Label)> All =>
    [
        (OneTimeSecretOptions.EmbeddedBackend, CoreStrings.Get("Backend.Choice.Embedded")),
        ("us", CoreStrings.Get("Backend.Choice.Us")),
        ("eu", CoreStrings.Get("Backend.Choice.Eu")),
        ("ca", CoreStrings.Get("Backend.Choice.Ca")),
        ("nz", CoreStrings.Get("Backend.Choice.Nz")),
        ("uk", CoreStrings.Get("Backend.Choice.Uk")),
        (Custom, CoreStrings.Get("Backend.Choice.Custom")),
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

    /// <summary>How a pinned field is named to an admin, in a list after a colon (so not capitalised).</summary>
    public static string Describe(string field) => field switch
    {
        WorkspaceSettings.BackendField => CoreStrings.Get("Settings.Field.Backend"),
        WorkspaceSettings.UsernameField => CoreStrings.Get("Settings.Field.Username"),
        WorkspaceSettings.ApiTokenField => CoreStrings.Get("Settings.Field.ApiToken"),
        WorkspaceSettings.DefaultTtlField => CoreStrings.Get("Settings.Field.DefaultTtl"),
        WorkspaceSettings.MaxTtlField => CoreStrings.Get("Settings.Field.MaxTtl"),
        WorkspaceSettings.AllowAnonymousField => CoreStrings.Get("Settings.Field.AllowAnonymous"),
        WorkspaceSettings.ShareDomainField => CoreStrings.Get("Settings.Field.ShareDomain"),
        WorkspaceSettings.NotifyOwnersField => CoreStrings.Get("Settings.Field.NotifyOwners"),
        _ => field,
    };
}
