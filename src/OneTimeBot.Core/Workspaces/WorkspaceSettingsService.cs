using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.OneTimeSecret;
using OneTimeBot.Core.Security;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Workspaces;

/// <summary>
/// Reads and changes a workspace's settings and turns them into the connection its secrets are made through.
/// API tokens are protected with Data Protection before they are stored and unprotected only to make a connection.
/// </summary>
public sealed class WorkspaceSettingsService(
    IWorkspaceSettingsStore store,
    IOptions<OneTimeSecretOptions> defaults,
    IOptions<WorkspacePinsOptions> pins,
    IEmbeddedBackend embedded,
    IDataProtectionProvider dataProtection,
    TimeProvider time)
{
    private static readonly TimeSpan LongestTtl = TimeSpan.FromDays(30);
    private readonly IDataProtector _tokens = dataProtection.CreateProtector("OneTimeBot.Workspaces.ApiToken.v1");

    public async Task<WorkspaceSettings> GetAsync(WorkspaceId workspace, CancellationToken cancellationToken) =>
        (await ResolveAsync(workspace, cancellationToken).ConfigureAwait(false)).Settings;

    public async Task<SharingResult<WorkspaceSettings>> UpdateAsync(Actor admin, WorkspaceSettingsChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(change);
        var current = await ResolveAsync(admin.Workspace, cancellationToken).ConfigureAwait(false);
        var stored = current.Stored ?? new StoredWorkspaceSettings();

        if (Pinned(current.Settings, change) is { } pinned)
        {
            return Invalid(pinned, "This setting is fixed by the server's configuration for this workspace.", "Ask whoever runs OneTimeBot to change it there.");
        }

        var backend = change.Backend?.Trim();
        if (backend is not null && !string.Equals(backend, OneTimeSecretOptions.EmbeddedBackend, StringComparison.OrdinalIgnoreCase) &&
            !OneTimeSecretConnection.TryParseBackend(backend, out _, out var why))
        {
            return Invalid(WorkspaceSettings.BackendField, $"The backend is not usable: {why}.", "Use 'embedded', a region (us, eu, ca, nz, uk) or an https:// URL.");
        }

        var username = change.Username?.Trim();
        if (username is { Length: > 0 } && (username.Contains(':', StringComparison.Ordinal) || username.Length > 254))
        {
            return Invalid(WorkspaceSettings.UsernameField, "The username cannot contain ':' and is at most 254 characters.", "Use the account's email address or customer id.");
        }

        if (change.ApiToken is { } token && (token.Length is < 8 or > 512 || token.Reveal().Any(char.IsWhiteSpace)))
        {
            return Invalid(WorkspaceSettings.ApiTokenField, "That does not look like an API token (8 to 512 characters, no spaces).", "Copy the token from your Onetime Secret account page.");
        }

        var maxTtl = change.MaxTtl ?? current.Settings.MaxTtl;
        var defaultTtl = change.DefaultTtl ?? current.Settings.DefaultTtl;
        if (maxTtl < TimeSpan.FromMinutes(1) || maxTtl > LongestTtl)
        {
            return Invalid(WorkspaceSettings.MaxTtlField, $"The longest expiry must be between 1 minute and 30 days, not {Ttl.Format(maxTtl)}.", "Choose 30 days or less.");
        }

        if (defaultTtl < TimeSpan.FromMinutes(1) || defaultTtl > maxTtl)
        {
            return Invalid(WorkspaceSettings.DefaultTtlField, $"The default expiry must be between 1 minute and the longest expiry ({Ttl.Format(maxTtl)}).", "Choose a shorter default or allow a longer expiry.");
        }

        var shareDomain = change.ShareDomain?.Trim();
        if (shareDomain is { Length: > 0 } && Uri.CheckHostName(shareDomain) is not (UriHostNameType.Dns))
        {
            return Invalid(WorkspaceSettings.ShareDomainField, $"'{shareDomain}' is not a host name.", "Give just the host, e.g. secrets.example.com.");
        }

        var protectedToken = change.ClearApiToken ? null
            : change.ApiToken is { } newToken ? _tokens.Protect(newToken.Reveal())
            : stored.ProtectedApiToken;
        var next = stored with
        {
            Backend = backend ?? stored.Backend,
            Username = username is null ? stored.Username : username.Length == 0 ? null : username,
            ProtectedApiToken = protectedToken,
            DefaultTtl = change.DefaultTtl ?? stored.DefaultTtl,
            MaxTtl = change.MaxTtl ?? stored.MaxTtl,
            AllowAnonymous = change.AllowAnonymous ?? stored.AllowAnonymous,
            ShareDomain = shareDomain is null ? stored.ShareDomain : shareDomain.Length == 0 ? null : shareDomain,
            UpdatedAt = time.GetUtcNow(),
            UpdatedBy = admin.UserId,
        };

        await store.SaveAsync(admin.Workspace, next, cancellationToken).ConfigureAwait(false);
        return SharingResult<WorkspaceSettings>.Success(await GetAsync(admin.Workspace, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The connection for the workspace's current backend, or why there is none.</summary>
    public async Task<SharingResult<WorkspaceConnection>> ConnectionAsync(WorkspaceId workspace, CancellationToken cancellationToken) =>
        (await SettingsAndConnectionAsync(workspace, cancellationToken).ConfigureAwait(false)).Connection;

    /// <summary>
    /// The settings and the connection they make (or why there is none) from one read of the store, for a caller that
    /// checks input against the settings before it needs the connection.
    /// </summary>
    public async Task<(WorkspaceSettings Settings, SharingResult<WorkspaceConnection> Connection)> SettingsAndConnectionAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(workspace, cancellationToken).ConfigureAwait(false);
        return (resolved.Settings, Connect(resolved, resolved.Settings.Backend));
    }

    /// <summary>
    /// The connection for <paramref name="backend"/> as recorded on a receipt: the workspace's credentials when it is
    /// still the workspace's backend, else anonymous (a metadata key is its own authority on v1 servers).
    /// </summary>
    public async Task<SharingResult<WorkspaceConnection>> ConnectionForReceiptAsync(WorkspaceId workspace, string backend, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(workspace, cancellationToken).ConfigureAwait(false);
        if (string.Equals(resolved.Settings.Backend, backend, StringComparison.OrdinalIgnoreCase))
        {
            return Connect(resolved, backend);
        }

        return BaseUri(backend) is { } baseUri
            ? SharingResult<WorkspaceConnection>.Success(new WorkspaceConnection(
                new OneTimeSecretConnection(baseUri, IsEmbedded(backend) ? embedded.Credentials : null), backend, resolved.Settings))
            : new SharingError(SharingErrorKind.Unavailable, "The backend this secret was made on is no longer configured.", "Nothing can be checked there now.");
    }

    private SharingResult<WorkspaceConnection> Connect(Resolved resolved, string backend)
    {
        var settings = resolved.Settings;
        if (BaseUri(backend) is not { } baseUri)
        {
            return new SharingError(SharingErrorKind.NotConfigured, "This workspace's Onetime Secret backend is not usable.", "An admin can choose another one with /onetime config.");
        }

        var credentials = resolved.Token is { } token && settings.Username is { Length: > 0 } user
            ? new OneTimeSecretCredentials(user, token)
            : null;
        if (credentials is null && IsEmbedded(backend))
        {
            credentials = embedded.Credentials;
        }

        if (credentials is null && !settings.AllowAnonymous)
        {
            return new SharingError(SharingErrorKind.NotConfigured,
                "This workspace has no Onetime Secret API token, and anonymous sharing is turned off.",
                "An admin can add the account's username and API token with /onetime config.");
        }

        return SharingResult<WorkspaceConnection>.Success(new WorkspaceConnection(new OneTimeSecretConnection(baseUri, credentials), backend, settings));
    }

    private Uri? BaseUri(string backend) =>
        IsEmbedded(backend) ? embedded.BaseUri
        : OneTimeSecretConnection.TryParseBackend(backend, out var uri, out _) ? uri
        : null;

    private static bool IsEmbedded(string backend) => string.Equals(backend, OneTimeSecretOptions.EmbeddedBackend, StringComparison.OrdinalIgnoreCase);

    private async Task<Resolved> ResolveAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var d = defaults.Value;
        var stored = await store.FindAsync(workspace, cancellationToken).ConfigureAwait(false);
        var pin = pins.Value.For(workspace);
        var pinned = new HashSet<string>(StringComparer.Ordinal);

        T Pick<T>(string field, T fromDefaults, T? fromStore, T? fromPin)
            where T : class?
        {
            if (fromPin is not null)
            {
                pinned.Add(field);
                return fromPin;
            }

            return fromStore ?? fromDefaults;
        }

        T PickValue<T>(string field, T fromDefaults, T? fromStore, T? fromPin)
            where T : struct
        {
            if (fromPin is { } value)
            {
                pinned.Add(field);
                return value;
            }

            return fromStore ?? fromDefaults;
        }

        var backend = Pick(WorkspaceSettings.BackendField, d.Backend, stored?.Backend, NonEmpty(pin?.Backend));
        var username = Pick(WorkspaceSettings.UsernameField, NonEmpty(d.Username), stored?.Username, NonEmpty(pin?.Username));
        SecretText? token;
        if (NonEmpty(pin?.ApiToken) is { } pinnedToken)
        {
            pinned.Add(WorkspaceSettings.ApiTokenField);
            token = new SecretText(pinnedToken);
        }
        else if (stored?.ProtectedApiToken is { } protectedToken)
        {
            token = new SecretText(_tokens.Unprotect(protectedToken));
        }
        else
        {
            token = SecretText.FromOptional(NonEmpty(d.ApiToken));
        }

        var settings = new WorkspaceSettings(
            workspace,
            backend.Trim(),
            username,
            token is not null,
            PickValue(WorkspaceSettings.DefaultTtlField, d.DefaultTtl, stored?.DefaultTtl, pin?.DefaultTtl),
            PickValue(WorkspaceSettings.MaxTtlField, d.MaxTtl, stored?.MaxTtl, pin?.MaxTtl),
            PickValue(WorkspaceSettings.AllowAnonymousField, d.AllowAnonymous, stored?.AllowAnonymous, pin?.AllowAnonymous),
            Pick(WorkspaceSettings.ShareDomainField, NonEmpty(d.ShareDomain), stored?.ShareDomain, NonEmpty(pin?.ShareDomain)),
            pinned);
        return new Resolved(settings, stored, token);
    }

    private static string? Pinned(WorkspaceSettings settings, WorkspaceSettingsChange change)
    {
        (string Field, bool Changed)[] fields =
        [
            (WorkspaceSettings.BackendField, change.Backend is not null),
            (WorkspaceSettings.UsernameField, change.Username is not null),
            (WorkspaceSettings.ApiTokenField, change.ApiToken is not null || change.ClearApiToken),
            (WorkspaceSettings.DefaultTtlField, change.DefaultTtl is not null),
            (WorkspaceSettings.MaxTtlField, change.MaxTtl is not null),
            (WorkspaceSettings.AllowAnonymousField, change.AllowAnonymous is not null),
            (WorkspaceSettings.ShareDomainField, change.ShareDomain is not null),
        ];
        return fields.FirstOrDefault(f => f.Changed && settings.PinnedFields.Contains(f.Field)).Field;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static SharingError Invalid(string field, string message, string hint) => new(SharingErrorKind.InvalidInput, message, hint, field);

    private sealed record Resolved(WorkspaceSettings Settings, StoredWorkspaceSettings? Stored, SecretText? Token);
}

/// <summary>A workspace's backend ready to call: the connection, the backend as configured, and the settings used.</summary>
public sealed record WorkspaceConnection(OneTimeSecretConnection Connection, string Backend, WorkspaceSettings Settings);
