using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Localization;
using OneTimeSecret.Client;
using OneTimeSecret.Client.Network;

namespace OneTimeBot.Core.Workspaces;

/// <summary>
/// Reads and changes a workspace's settings and turns them into the connection its secrets are made through.
/// API tokens are protected with Data Protection before they are stored and unprotected only to make a connection.
/// <para>
/// Who decides what: the operator's configuration (defaults and pins) is trusted, and may point anywhere; a workspace
/// admin chooses only among <see cref="AllowedBackends"/>, and such a choice is reached over https on public addresses
/// only. Credentials belong to the backend they were configured or entered for and are sent to no other, so an admin
/// who changes the backend never carries the operator's account, or the workspace's old token, along.
/// </para>
/// </summary>
public sealed class WorkspaceSettingsService(
    IWorkspaceSettingsStore store,
    IOptions<OneTimeSecretOptions> defaults,
    IOptions<WorkspacePinsOptions> pins,
    IOptions<NotificationOptions> notifications,
    IEmbeddedBackend embedded,
    PublicHostCheck publicHosts,
    IDataProtectionProvider dataProtection,
    TimeProvider time) : IDisposable
{
    private static readonly TimeSpan LongestTtl = TimeSpan.FromDays(30);

    // An admin waits for the lookup inside a platform's few seconds; a name that takes longer is reported, not waited out.
    private static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(1.5);

    private static readonly HashSet<string> RegionKeys = [.. OneTimeSecretRegions.Names.Select(r => BackendKey.Of(r)!)];

    // Workspaces are those that installed the app; the cap only stops a flood of strange ones from growing memory.
    private const int MostWorkspaces = 10_000;

    // Options are read once (IOptions, never reloaded), so what a stored row resolves to changes only with the row. Each
    // workspace keeps its last row's resolution; the row is still read every time, so another process's change applies
    // to the very next command.
    private readonly ConcurrentDictionary<WorkspaceId, Resolved> _resolved = new();

    // A kept resolution may hold a token unprotected with a Data Protection key; made again this often, a key the
    // operator revokes stops that token within a minute, as it stopped it at once when every command unprotected it.
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    // Drops the resolutions nobody used within their minute, so that a quiet workspace's token does not stay in memory
    // for the life of the process. Started with the first resolution kept.
    private ITimer? _sweeper;

    private readonly IDataProtector _tokens = dataProtection.CreateProtector("OneTimeBot.Workspaces.ApiToken.v1");
    private readonly Lazy<string?> _defaultKey = new(() => BackendKey.Of(defaults.Value.Backend));

    /// <summary>What a workspace admin may choose as the workspace's secret service.</summary>
    public AllowedBackends Allowed { get; } = AllowedBackends.From(defaults.Value.AllowedBackends, embedded.IsServed);

    /// <summary>The workspace's settings with the choices its admins are offered.</summary>
    public async Task<SettingsForm> FormAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var settings = await GetAsync(workspace, cancellationToken).ConfigureAwait(false);
        return new SettingsForm(settings, BackendChoices.Offered(Allowed, defaults.Value.Backend, settings),
            Allowed.AllowsOwnServers ? Allowed.DescribeOwnServers() : null);
    }

    public async Task<WorkspaceSettings> GetAsync(WorkspaceId workspace, CancellationToken cancellationToken) =>
        (await ResolveAsync(workspace, cancellationToken).ConfigureAwait(false)).Settings;

    public async Task<Result<WorkspaceSettings, SharingError>> UpdateAsync(Actor admin, WorkspaceSettingsChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(change);
        var current = await ResolveAsync(admin.Workspace, cancellationToken).ConfigureAwait(false);
        var stored = current.Stored ?? new StoredWorkspaceSettings();

        if (Pinned(current.Settings, change) is { } pinned)
        {
            return Invalid(pinned, CoreStrings.Get("Error.Settings.Pinned.Message"), CoreStrings.Get("Error.Settings.Pinned.Hint"));
        }

        var backend = change.Backend?.Trim();
        var backendChanges = backend is not null && BackendKey.Of(backend) is var key && (key is null || key != current.BackendKey);
        if (backendChanges && await CheckChoiceAsync(current, backend!, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var username = change.Username?.Trim();
        if (username is { Length: > 0 } && (username.Contains(':', StringComparison.Ordinal) || username.Length > 254))
        {
            return Invalid(WorkspaceSettings.UsernameField, CoreStrings.Get("Error.Settings.Username.Message"), CoreStrings.Get("Error.Settings.Username.Hint"));
        }

        if (change.ApiToken is { } token && (token.Length is < 8 or > 512 || token.Reveal().Any(char.IsWhiteSpace)))
        {
            return Invalid(WorkspaceSettings.ApiTokenField, CoreStrings.Get("Error.Settings.ApiToken.Message"), CoreStrings.Get("Error.Settings.ApiToken.Hint"));
        }

        var maxTtl = change.MaxTtl ?? current.Settings.MaxTtl;
        var defaultTtl = change.DefaultTtl ?? current.Settings.DefaultTtl;
        if (maxTtl < TimeSpan.FromMinutes(1) || maxTtl > LongestTtl)
        {
            return Invalid(WorkspaceSettings.MaxTtlField, CoreStrings.Format("Error.Settings.MaxTtl.Message", ReaderTime.Duration(TimeSpan.FromMinutes(1)), ReaderTime.Duration(LongestTtl), ReaderTime.Duration(maxTtl)), CoreStrings.Format("Error.Settings.MaxTtl.Hint", ReaderTime.Duration(LongestTtl)));
        }

        if (defaultTtl < TimeSpan.FromMinutes(1) || defaultTtl > maxTtl)
        {
            return Invalid(WorkspaceSettings.DefaultTtlField, CoreStrings.Format("Error.Settings.DefaultTtl.Message", ReaderTime.Duration(TimeSpan.FromMinutes(1)), ReaderTime.Duration(maxTtl)), CoreStrings.Get("Error.Settings.DefaultTtl.Hint"));
        }

        var shareDomain = change.ShareDomain?.Trim();
        if (shareDomain is { Length: > 0 } && Uri.CheckHostName(shareDomain) is not (UriHostNameType.Dns))
        {
            return Invalid(WorkspaceSettings.ShareDomainField, CoreStrings.Format("Error.Settings.ShareDomain.Message", shareDomain), CoreStrings.Get("Error.Settings.ShareDomain.Hint"));
        }

        // A token goes with the backend it was entered for: a new backend drops it unless a new one came along.
        var nextBackend = backendChanges ? backend! : current.Settings.Backend;
        var (protectedToken, tokenBackend) =
            change.ClearApiToken ? (null, null)
            : change.ApiToken is { } newToken ? (_tokens.Protect(newToken.Reveal()), nextBackend)
            : backendChanges ? (null, null)
            : (stored.ProtectedApiToken, stored.ProtectedApiToken is null ? null : StoredTokenBackend(stored));
        var next = stored with
        {
            Backend = backend ?? stored.Backend,
            Username = username is null ? stored.Username : username.Length == 0 ? null : username,
            ProtectedApiToken = protectedToken,
            TokenBackend = tokenBackend,
            DefaultTtl = change.DefaultTtl ?? stored.DefaultTtl,
            MaxTtl = change.MaxTtl ?? stored.MaxTtl,
            AllowAnonymous = change.AllowAnonymous ?? stored.AllowAnonymous,
            ShareDomain = shareDomain is null ? stored.ShareDomain : shareDomain.Length == 0 ? null : shareDomain,
            NotifyOwners = change.NotifyOwners ?? stored.NotifyOwners,
            UpdatedAt = time.GetUtcNow(),
            UpdatedBy = admin.UserId,
        };

        await store.SaveAsync(admin.Workspace, next, cancellationToken).ConfigureAwait(false);
        return Result<WorkspaceSettings, SharingError>.Success(await GetAsync(admin.Workspace, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The connection for the workspace's current backend, or why there is none.</summary>
    public async Task<Result<WorkspaceConnection, SharingError>> ConnectionAsync(WorkspaceId workspace, CancellationToken cancellationToken) =>
        (await SettingsAndConnectionAsync(workspace, cancellationToken).ConfigureAwait(false)).Connection;

    /// <summary>
    /// The settings and the connection they make (or why there is none) from one read of the store, for a caller that
    /// checks input against the settings before it needs the connection.
    /// </summary>
    public async Task<(WorkspaceSettings Settings, Result<WorkspaceConnection, SharingError> Connection)> SettingsAndConnectionAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(workspace, cancellationToken).ConfigureAwait(false);
        return (resolved.Settings, CurrentConnection(resolved));
    }

    /// <summary>
    /// The connection for <paramref name="backend"/> as recorded on a receipt: with the credentials that belong to that
    /// backend, if any still do, else anonymous (a metadata key is its own authority on v1 servers). A backend neither
    /// the operator configures nor allows any more is not called at all.
    /// </summary>
    public async Task<Result<WorkspaceConnection, SharingError>> ConnectionForReceiptAsync(WorkspaceId workspace, string backend, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(workspace, cancellationToken).ConfigureAwait(false);
        if (resolved.BackendKey is not null && string.Equals(backend, resolved.Settings.Backend, StringComparison.Ordinal))
        {
            return CurrentConnection(resolved);
        }

        var key = BackendKey.Of(backend);
        if (key is not null && key == resolved.BackendKey)
        {
            return Connect(resolved, backend, key);
        }

        var trusted = IsOperatorBackend(resolved, key);
        if (BaseUri(backend) is not { } baseUri || (!trusted && !Allowed.Permits(backend)))
        {
            return new SharingError(SharingErrorKind.Unavailable,
                CoreStrings.Get("Error.Backend.NoLongerUsed.Message"),
                CoreStrings.Get("Error.Backend.NoLongerUsed.Hint"));
        }

        var credentials = CredentialsFor(resolved, key) ?? (OneTimeSecretOptions.IsEmbeddedName(backend) ? embedded.Credentials : null);
        return Result<WorkspaceConnection, SharingError>.Success(new WorkspaceConnection(
            new OneTimeSecretConnection(baseUri, credentials) { PublicOnly = !trusted }, backend, resolved.Settings));
    }

    /// <summary>The connection for the workspace's current backend, made once per stored row.</summary>
    private Result<WorkspaceConnection, SharingError> CurrentConnection(Resolved resolved)
    {
        if (resolved.Connection is { } kept)
        {
            return Result<WorkspaceConnection, SharingError>.Success(kept);
        }

        var connection = Connect(resolved, resolved.Settings.Backend, resolved.BackendKey);

        // Refusals are not kept: their text is in the asker's language. Nor is the embedded backend's connection, whose
        // address is the one the server listens on, known only once it does.
        if (connection.IsSuccess && !OneTimeSecretOptions.IsEmbeddedName(resolved.Settings.Backend))
        {
            resolved.Connection = connection.Value;
        }

        return connection;
    }

    private Result<WorkspaceConnection, SharingError> Connect(Resolved resolved, string backend, string? key)
    {
        var settings = resolved.Settings;
        if (BaseUri(backend) is not { } baseUri)
        {
            return new SharingError(SharingErrorKind.NotConfigured, CoreStrings.Get("Error.Backend.NotUsable.Message"), CoreStrings.Get("Error.Backend.ChooseAnother.Hint"));
        }

        // An admin's choice stays subject to the operator's list, also when the list changed after it was made.
        var trusted = IsOperatorBackend(resolved, key);
        if (!trusted && !Allowed.Permits(backend))
        {
            return new SharingError(SharingErrorKind.NotConfigured,
                CoreStrings.Format("Error.Backend.NoLongerAllowed.Message", baseUri.Authority),
                CoreStrings.Get("Error.Backend.ChooseAnother.Hint"));
        }

        var credentials = CredentialsFor(resolved, key);
        if (credentials is null && OneTimeSecretOptions.IsEmbeddedName(backend))
        {
            credentials = embedded.Credentials;
        }

        if (credentials is null && !settings.AllowAnonymous)
        {
            return new SharingError(SharingErrorKind.NotConfigured,
                CoreStrings.Get("Error.Backend.NoAccount.Message"),
                CoreStrings.Get("Error.Backend.NoAccount.Hint"));
        }

        return Result<WorkspaceConnection, SharingError>.Success(new WorkspaceConnection(
            new OneTimeSecretConnection(baseUri, credentials) { PublicOnly = !trusted }, backend, settings));
    }

    /// <summary>Why an admin may not switch the workspace to <paramref name="backend"/>, or null when they may.</summary>
    private async Task<SharingError?> CheckChoiceAsync(Resolved current, string backend, CancellationToken cancellationToken)
    {
        if (!OneTimeSecretOptions.IsEmbeddedName(backend) && !OneTimeSecretConnection.TryParseBackend(backend, out _, out var why))
        {
            return Invalid(WorkspaceSettings.BackendField, CoreStrings.Format("Error.Settings.Backend.Unreadable.Message", why), CoreStrings.Get("Error.Settings.Backend.Unreadable.Hint"));
        }

        var key = BackendKey.Of(backend);
        if (IsOperatorBackend(current, key))
        {
            return null;
        }

        var uri = BaseUri(backend);
        if (uri is { Scheme: not "https" })
        {
            return Invalid(WorkspaceSettings.BackendField, CoreStrings.Format("Error.Settings.Backend.NotHttps.Message", uri.Authority, uri.Scheme), CoreStrings.Get("Error.Settings.Backend.NotHttps.Hint"));
        }

        if (!Allowed.Permits(backend))
        {
            return Invalid(WorkspaceSettings.BackendField,
                CoreStrings.Format("Error.Settings.Backend.NotAllowed.Message", uri is null ? backend : uri.Authority),
                CoreStrings.Format("Error.Settings.Backend.NotAllowed.Hint", Allowed.Describe()));
        }

        if (uri is null || key is null || key == OneTimeSecretOptions.EmbeddedBackend || RegionKeys.Contains(key))
        {
            return null;
        }

        // Checked now so the admin hears of it at once; checked again on every connection, where it really counts.
        using var lookup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lookup.CancelAfter(LookupBudget);
        try
        {
            return await publicHosts.PublicAddressesOfAsync(uri.IdnHost, lookup.Token).ConfigureAwait(false) is null
                ? Invalid(WorkspaceSettings.BackendField,
                    CoreStrings.Format("Error.Settings.Backend.NotPublic.Message", uri.Host),
                    CoreStrings.Get("Error.Settings.Backend.NotPublic.Hint"))
                : null;
        }
        // A name the resolver cannot take (a label or the whole name too long) is as unfindable as one it cannot resolve.
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ArgumentException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Invalid(WorkspaceSettings.BackendField, CoreStrings.Format("Error.Settings.Backend.NotFound.Message", uri.Host), CoreStrings.Get("Error.Settings.Backend.NotFound.Hint"));
        }
    }

    private bool IsOperatorBackend(Resolved resolved, string? key) =>
        key is not null && (key == OneTimeSecretOptions.EmbeddedBackend || key == _defaultKey.Value || key == resolved.PinnedBackendKey);

    /// <summary>The first credentials, in the order pin, admin, operator default, that belong to the backend with <paramref name="key"/>.</summary>
    private OneTimeSecretCredentials? CredentialsFor(Resolved resolved, string? key)
    {
        var owned = key is null ? null : resolved.Credentials.FirstOrDefault(c => c.BackendKey == key);
        if (owned?.Username is not { Length: > 0 } username)
        {
            return null;
        }

        var token = owned.Token ?? new SecretText(_tokens.Unprotect(owned.ProtectedToken!));
        return new OneTimeSecretCredentials(username, token);
    }

    // Rows saved before tokens were tied to a backend: the token was entered for the backend the row names, or the default.
    private string StoredTokenBackend(StoredWorkspaceSettings stored) => stored.TokenBackend ?? stored.Backend ?? defaults.Value.Backend;

    private Uri? BaseUri(string backend) =>
        OneTimeSecretOptions.IsEmbeddedName(backend) ? embedded.BaseUri
        : OneTimeSecretConnection.TryParseBackend(backend, out var uri, out _) ? uri
        : null;

    private async Task<Resolved> ResolveAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var stored = await store.FindAsync(workspace, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (_resolved.TryGetValue(workspace, out var kept) && now < kept.KeptUntil && EqualityComparer<StoredWorkspaceSettings?>.Default.Equals(kept.Stored, stored))
        {
            return kept;
        }

        var resolved = Resolve(workspace, stored) with { KeptUntil = now + KeptFor };
        if (_resolved.Count >= MostWorkspaces)
        {
            _resolved.Clear();
        }

        _resolved[workspace] = resolved;
        if (_sweeper is null)
        {
            var sweeper = time.CreateTimer(static service => ((WorkspaceSettingsService)service!).Sweep(), this, KeptFor, KeptFor);
            if (Interlocked.CompareExchange(ref _sweeper, sweeper, null) is not null)
            {
                sweeper.Dispose();
            }
        }
        return resolved;
    }

    public void Dispose() => _sweeper?.Dispose();

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var entry in _resolved)
        {
            if (entry.Value.KeptUntil <= now)
            {
                _resolved.TryRemove(entry);
            }
        }
    }

    private Resolved Resolve(WorkspaceId workspace, StoredWorkspaceSettings? stored)
    {
        var d = defaults.Value;
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

        var backend = Pick(WorkspaceSettings.BackendField, d.Backend, stored?.Backend, NonEmpty(pin?.Backend)).Trim();
        var username = Pick(WorkspaceSettings.UsernameField, NonEmpty(d.Username), stored?.Username, NonEmpty(pin?.Username));
        var backendKey = BackendKey.Of(backend);

        // Each token with the backend it belongs to, in the order they win: pinned, the admin's, the operator's default.
        var credentials = new List<OwnedCredentials>(3);
        if (NonEmpty(pin?.ApiToken) is { } pinnedToken)
        {
            pinned.Add(WorkspaceSettings.ApiTokenField);
            credentials.Add(new OwnedCredentials(NonEmpty(pin?.Backend) is { } pinnedBackend ? BackendKey.Of(pinnedBackend) : _defaultKey.Value, username, new SecretText(pinnedToken), null));
        }

        if (stored?.ProtectedApiToken is { } protectedToken)
        {
            credentials.Add(new OwnedCredentials(BackendKey.Of(StoredTokenBackend(stored)), username, null, protectedToken));
        }

        if (NonEmpty(d.ApiToken) is { } defaultToken)
        {
            credentials.Add(new OwnedCredentials(_defaultKey.Value, NonEmpty(d.Username), new SecretText(defaultToken), null));
        }

        var settings = new WorkspaceSettings(
            workspace,
            backend,
            username,
            backendKey is not null && credentials.Any(c => c.BackendKey == backendKey),
            PickValue(WorkspaceSettings.DefaultTtlField, d.DefaultTtl, stored?.DefaultTtl, pin?.DefaultTtl),
            PickValue(WorkspaceSettings.MaxTtlField, d.MaxTtl, stored?.MaxTtl, pin?.MaxTtl),
            PickValue(WorkspaceSettings.AllowAnonymousField, d.AllowAnonymous, stored?.AllowAnonymous, pin?.AllowAnonymous),
            Pick(WorkspaceSettings.ShareDomainField, NonEmpty(d.ShareDomain), stored?.ShareDomain, NonEmpty(pin?.ShareDomain)),
            pinned,
            PickValue(WorkspaceSettings.NotifyOwnersField, notifications.Value.OnByDefault, stored?.NotifyOwners, pin?.NotifyOwners));
        return new Resolved(settings, backendKey, stored, credentials, BackendKey.Of(NonEmpty(pin?.Backend)));
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
            (WorkspaceSettings.NotifyOwnersField, change.NotifyOwners is not null),
        ];
        return fields.FirstOrDefault(f => f.Changed && settings.PinnedFields.Contains(f.Field)).Field;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static SharingError Invalid(string field, string message, string hint) => new(SharingErrorKind.InvalidInput, message, hint, field);

    private sealed record Resolved(WorkspaceSettings Settings, string? BackendKey, StoredWorkspaceSettings? Stored, IReadOnlyList<OwnedCredentials> Credentials, string? PinnedBackendKey)
    {
        /// <summary>
        /// The current backend's connection once made. It may hold a token unprotected from <see cref="Stored"/>, as a
        /// connection made per command did; it prints as <c>[redacted]</c> and is dropped with this row's resolution.
        /// </summary>
        public WorkspaceConnection? Connection { get; set; }

        public DateTimeOffset KeptUntil { get; init; }
    }

    /// <summary>A token (plain from configuration, or as stored) and the key of the backend it may be sent to.</summary>
    private sealed record OwnedCredentials(string? BackendKey, string? Username, SecretText? Token, string? ProtectedToken);
}

/// <summary>A workspace's backend ready to call: the connection, the backend as configured, and the settings used.</summary>
public sealed record WorkspaceConnection(OneTimeSecretConnection Connection, string Backend, WorkspaceSettings Settings);
