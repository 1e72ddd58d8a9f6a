using OneTimeBot.Core.Configuration;

namespace OneTimeBot.Slack.Configuration;

/// <summary>
/// The Slack app this host answers for. Either <see cref="BotToken"/> (one workspace) or <see cref="ClientId"/> and
/// <see cref="ClientSecret"/> (installed into many workspaces through OAuth); and the signing secret for Slack's requests
/// over HTTP, or <see cref="AppToken"/> for Socket Mode, where the host connects out to Slack (or both).
/// </summary>
public sealed class SlackOptions : IPlatformOptions
{
    public const string SectionName = "Slack";

    /// <summary>False turns the Slack endpoints off (a Teams-only deployment). On by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The slash command the Slack app declares (<c>manifests/slack/manifest.yaml</c> says <see cref="DefaultCommand"/>):
    /// the one name the route table answers and every message that tells people what to type names. A second app in
    /// one workspace, or a renamed command, sets its own (e.g. <c>/onetime-dev</c>).
    /// </summary>
    public string Command { get; set; } = DefaultCommand;

    /// <summary>The slash command the shipped manifest declares.</summary>
    public const string DefaultCommand = "/onetime";

    /// <summary>
    /// From the app's Basic Information page. Required for Slack's requests over HTTP: without it (and with an
    /// <see cref="AppToken"/>) the signed endpoints are not mapped and Slack reaches the app through Socket Mode only.
    /// Without either, Development generates one into <see cref="SigningSecretFile"/>.
    /// </summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>Where Development keeps the signing secret it generates when <see cref="SigningSecret"/> is empty.</summary>
    public string SigningSecretFile { get; set; } = "./data/slack-signing-secret";

    /// <summary>A single workspace's bot token (<c>xoxb-…</c>).</summary>
    public string BotToken { get; set; } = "";

    /// <summary>
    /// An app-level token (<c>xapp-…</c>) with <c>connections:write</c>, from the app's Basic Information page: turns on
    /// Socket Mode, where the host opens WebSocket connections to Slack instead of waiting for Slack to call in.
    /// </summary>
    public string AppToken { get; set; } = "";

    /// <summary>How the Socket Mode connections are kept.</summary>
    public SocketModeSettings SocketMode { get; set; } = new();

    /// <summary>OAuth distribution: the app's client id and secret.</summary>
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Slack's Web API; tests point it at a local fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>
    /// The hosts a <c>response_url</c> may point at, each <c>host</c> or <c>host:port</c>, matched exactly (no wildcards):
    /// any other response_url is dropped, never fetched. https only, except on a listed loopback host (tests, local
    /// development). Empty means <see cref="DefaultResponseUrlHost"/>.
    /// </summary>
    public IList<string> ResponseUrlHosts { get; } = [];

    /// <summary>Slack's own host for response_urls, the only one used unless <see cref="ResponseUrlHosts"/> lists others.</summary>
    public const string DefaultResponseUrlHost = "hooks.slack.com";

    /// <summary>
    /// Team ids (<c>T…</c>) this app serves. With <see cref="AllowedEnterprises"/> both empty, any workspace; otherwise a
    /// request is served when its enterprise is in <see cref="AllowedEnterprises"/> or every team it names is listed here.
    /// </summary>
    public IList<string> AllowedTeams { get; } = [];

    /// <summary>Enterprise Grid org ids (<c>E…</c>) whose workspaces this app serves, org-wide installs included.</summary>
    public IList<string> AllowedEnterprises { get; } = [];

    /// <summary>Where <c>/slack/install</c> sends the browser to approve the app.</summary>
    public string AuthorizeUrl { get; set; } = "https://slack.com/oauth/v2/authorize";

    /// <summary>
    /// How long a command waits for the secret service before it acks and finishes through <c>response_url</c>. Slack's
    /// 3 s include the network both ways, and a loaded machine was measured taking up to 0.8 s more to send the ack.
    /// </summary>
    public TimeSpan InlineWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a modal submission may wait for the secret service before the modal shows an error.</summary>
    public TimeSpan ModalBudget { get; set; } = TimeSpan.FromSeconds(2.4);

    /// <summary>
    /// How long a request waits for Slack to say which language its user reads (<c>users.info</c>), the first time in an
    /// hour that user is seen; after that it goes on in English. Slack's 3 s also hold <see cref="InlineWait"/>.
    /// </summary>
    public TimeSpan LanguageWait { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>How long work finished after the ack (through <c>response_url</c> or a DM) may wait for the secret service.</summary>
    public TimeSpan FollowUpBudget { get; set; } = TimeSpan.FromSeconds(25);

    public bool UsesOAuth => ClientId.Trim().Length > 0;

    public bool UsesBotToken => BotToken.Trim().Length > 0;

    public bool UsesSocketMode => AppToken.Trim().Length > 0;

    /// <summary>Whether Slack's signed requests over HTTP are taken: always, unless Socket Mode is on without a signing secret.</summary>
    public bool ReceivesHttp => !UsesSocketMode || SigningSecret.Trim().Length > 0;

    /// <summary>The response_url hosts in force: the listed ones, else Slack's own.</summary>
    public IReadOnlyList<string> EffectiveResponseUrlHosts => ResponseUrlHosts.Count > 0 ? [.. ResponseUrlHosts] : [DefaultResponseUrlHost];
}
