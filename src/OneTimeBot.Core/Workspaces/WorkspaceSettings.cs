using OneTimeSecret.Client;

namespace OneTimeBot.Core.Workspaces;

/// <summary>
/// A workspace's effective settings, as shown to its admins: configuration defaults, then what an admin changed, then
/// what configuration pins. The API token is never part of it, only whether one is set. <see cref="NotifyOwners"/> is
/// whether people here are messaged when their links are opened, burned or expire, unless they said otherwise.
/// </summary>
public sealed record WorkspaceSettings(
    WorkspaceId Workspace,
    string Backend,
    string? Username,
    bool HasApiToken,
    TimeSpan DefaultTtl,
    TimeSpan MaxTtl,
    bool AllowAnonymous,
    string? ShareDomain,
    IReadOnlySet<string> PinnedFields,
    bool NotifyOwners = true)
{
    public const string BackendField = "backend";
    public const string UsernameField = "username";
    public const string ApiTokenField = "apiToken";
    public const string DefaultTtlField = "defaultTtl";
    public const string MaxTtlField = "maxTtl";
    public const string AllowAnonymousField = "allowAnonymous";
    public const string ShareDomainField = "shareDomain";
    public const string NotifyOwnersField = "notifyOwners";

    public bool IsEmbedded => string.Equals(Backend, Configuration.OneTimeSecretOptions.EmbeddedBackend, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// What an admin asks to change; null leaves a field as it is. <see cref="ApiToken"/> is write-only: set a new one,
/// or <see cref="ClearApiToken"/> to remove it.
/// </summary>
public sealed record WorkspaceSettingsChange(
    string? Backend = null,
    string? Username = null,
    SecretText? ApiToken = null,
    bool ClearApiToken = false,
    TimeSpan? DefaultTtl = null,
    TimeSpan? MaxTtl = null,
    bool? AllowAnonymous = null,
    string? ShareDomain = null,
    bool? NotifyOwners = null);
