using OneTimeBot.Core.Configuration;

namespace OneTimeBot.Teams.Configuration;

/// <summary>The Azure bot this host answers for on <c>/api/messages</c>.</summary>
public sealed class TeamsOptions : IPlatformOptions
{
    public const string SectionName = "Teams";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>False turns <c>/api/messages</c> off (a Slack-only deployment). On by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The bot's Microsoft App ID (a GUID): the audience of every inbound token.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app registration's client secret, for outbound calls.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>Instead of a password: a PFX certificate file registered with the app, and its password.</summary>
    public string AppCertificateFile { get; set; } = "";

    public string AppCertificatePassword { get; set; } = "";

    /// <summary>The tenant of a single-tenant bot, the only one it serves; empty for a multi-tenant one.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>
    /// The tenants (GUIDs) a multi-tenant bot serves; empty serves any. With <see cref="TenantId"/> set it may only
    /// repeat that tenant.
    /// </summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>Where Bot Framework publishes its signing keys; tests serve their own.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The least time between two fetches of the signing keys prompted by tokens naming an unknown key.</summary>
    public TimeSpan SigningKeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Microsoft's login host, where outbound tokens come from.</summary>
    public string LoginBaseUrl { get; set; } = "https://login.microsoftonline.com";

    /// <summary>
    /// For the local Agents Playground only: accept requests without a token, from loopback callers only, with a loud
    /// warning at start-up. Refused outside Development.
    /// </summary>
    public bool AllowUnauthenticatedLocalDevelopment { get; set; }

    /// <summary>Azure AD object ids of the people who may change tenant settings with <c>config</c>.</summary>
    public IList<string> AdminObjectIds { get; } = [];

    /// <summary>How long an invoke may wait for the secret service: Teams gives the whole invoke 5 s.</summary>
    public TimeSpan InvokeBudget { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a chat reply may wait for the secret service (it is sent after Teams was answered).</summary>
    public TimeSpan FollowUpBudget { get; set; } = TimeSpan.FromSeconds(20);

    public bool HasCredentials => AppId.Trim().Length > 0 && (AppPassword.Length > 0 || AppCertificateFile.Trim().Length > 0);
}
