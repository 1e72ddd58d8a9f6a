namespace OneTimeBot.Core.Hosting;

/// <summary>
/// How many bytes of request body each family of the host's endpoints accepts, chosen from the largest request it
/// legitimately receives. The host enforces them while the body is read, so a chunked body is caught as soon as it
/// passes the limit; adapters that read raw bytes bound their reads by the same numbers.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>
    /// Slack (<c>/slack/…</c>): the largest payload is a modal submission, form-encoded JSON carrying the whole view
    /// (blocks and state) with a secret of up to 10,000 bytes typed into it; tens of kB, a quarter of this at most.
    /// </summary>
    public const int SlackBytes = 256 * 1024;

    /// <summary>Teams (<c>/api/messages</c>): a Bot Framework activity with an Adaptive Card submission of the same secret.</summary>
    public const int TeamsBytes = 256 * 1024;

    /// <summary>Endpoints that take no body (health, OAuth redirects, assets, unknown paths): room for a stray small one.</summary>
    public const int OtherBytes = 16 * 1024;

    private const int EnvelopeBytes = 4 * 1024;

    /// <summary>
    /// The v1 API (<c>/api/v1/…</c>): a secret of <paramref name="maxSecretBytes"/> and a passphrase of
    /// <paramref name="maxPassphraseLength"/> characters, as the most expensive encoding would send them (JSON's
    /// <c>\u00XX</c> takes 6 bytes for one, percent-encoding up to 9 for one UTF-16 character), plus the other fields.
    /// At least 64 kB, which fits the default 10,000-byte secret.
    /// </summary>
    public static long SecretApiBytes(int maxSecretBytes, int maxPassphraseLength) =>
        Math.Max(64 * 1024, (6L * maxSecretBytes) + (9L * maxPassphraseLength) + EnvelopeBytes);

    /// <summary>The secret and receipt pages (<c>/secret/…</c>, <c>/receipt/…/burn</c>): a form with the passphrase only.</summary>
    public static long PageBytes(int maxPassphraseLength) =>
        Math.Max(OtherBytes, (9L * maxPassphraseLength) + EnvelopeBytes);
}
