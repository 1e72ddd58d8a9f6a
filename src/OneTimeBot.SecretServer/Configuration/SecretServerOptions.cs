namespace OneTimeBot.SecretServer.Configuration;

/// <summary>
/// Section <c>SecretServer</c>: the embedded Onetime Secret v1-compatible service. Limits follow onetimesecret.com.
/// </summary>
public sealed class SecretServerOptions
{
    public const string SectionName = "SecretServer";

    /// <summary>Serve <c>/api/v1</c>, <c>/secret/…</c> and <c>/receipt/…</c> from this host.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Accept calls without credentials (custid <c>anon</c>), rate limited per client address.</summary>
    public bool AllowAnonymous { get; set; } = true;

    /// <summary>
    /// AES-256 key for secrets at rest: 32 random bytes, base64 (e.g. <c>openssl rand -base64 32</c>). Required outside
    /// Development; in Development a key is generated once and kept in <see cref="KeyFile"/>. Every replica needs the same key.
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>
    /// Keys that were <see cref="EncryptionKey"/> before a rotation, same format: nothing new is sealed under them, but
    /// what was still opens (secrets, receipts, the bot's key ring, receipts and tracked links). Keep one until
    /// everything sealed under it has expired (receipts live twice <see cref="MaxTtl"/>), then remove it.
    /// </summary>
    public List<string> PreviousEncryptionKeys { get; set; } = [];

    /// <summary>Where Development keeps its generated key.</summary>
    public string KeyFile { get; set; } = "./data/secret-server.key";

    /// <summary>API users: username (an email or id) and the SHA-256 of their API token, hex.</summary>
    public List<ApiAccountOptions> Accounts { get; set; } = [];

    /// <summary>Custom domains a share may name as <c>share_domain</c>; links then use that host.</summary>
    public List<string> ShareDomains { get; set; } = [];

    public TimeSpan DefaultTtl { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan MinTtl { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan MaxTtl { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan AnonymousMaxTtl { get; set; } = TimeSpan.FromDays(7);

    public int MaxSecretBytes { get; set; } = 10_000;

    public int MinPassphraseLength { get; set; } = 4;

    public int MaxPassphraseLength { get; set; } = 128;

    /// <summary>bcrypt work factor for passphrases (each step doubles the cost of a guess and of a reveal).</summary>
    public int PassphraseWorkFactor { get; set; } = 10;

    /// <summary>
    /// bcrypt runs at once, on all addresses together; more wait (briefly) their turn. Half the cores by default, so
    /// guesses from however many addresses never take more than half the machine from everything else.
    /// </summary>
    public int ConcurrentPassphraseChecks { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Anonymous shares and generates per client address per minute.</summary>
    public int AnonymousCreatesPerMinute { get; set; } = 30;

    /// <summary>Anonymous reveal attempts (API and page) per client address per minute.</summary>
    public int AnonymousRevealsPerMinute { get; set; } = 60;

    /// <summary>
    /// Shares and generates per API account per minute, wherever its calls come from. An account usually speaks for
    /// many people, so ten times an anonymous address; still bounded, so a leaked token cannot flood the store.
    /// The bot's own internal account is not limited here (see <c>RateLimiter</c>). 0 turns the limit off, for
    /// accounts the operator trusts with any volume (it then costs no counter in the store either).
    /// </summary>
    public int AccountCreatesPerMinute { get; set; } = 300;

    /// <summary>Reveal attempts per API account per minute (ten times an anonymous address); 0 turns the limit off.</summary>
    public int AccountRevealsPerMinute { get; set; } = 600;

    /// <summary>
    /// Passphrase attempts (reveals and burns, API and pages) on one secret per <see cref="PassphraseAttemptWindow"/>,
    /// from anyone: bounds guessing even when it comes from many addresses. Someone typing the passphrase needs a few.
    /// </summary>
    public int PassphraseAttemptsPerSecret { get; set; } = 10;

    public TimeSpan PassphraseAttemptWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Passphrase attempts per client address per minute, over all secrets: each costs a bcrypt run (about 0.1 s of
    /// a core at work factor 10), so one address can take at most about 5% of a core.
    /// </summary>
    public int PassphraseAttemptsPerClientPerMinute { get; set; } = 30;

    /// <summary>How often expired secrets and receipts are deleted from stores without native expiry.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class ApiAccountOptions
{
    /// <summary>The bot's own account, whose token is derived from the server key; no configured account may take its name.</summary>
    public const string InternalUsername = "onetimebot";

    public string Username { get; set; } = "";

    /// <summary>SHA-256 of the API token, 64 hex characters (<c>printf %s "$TOKEN" | sha256sum</c>).</summary>
    public string ApiTokenSha256 { get; set; } = "";
}
