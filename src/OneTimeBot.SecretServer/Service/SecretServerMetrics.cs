using System.Diagnostics.Metrics;

namespace OneTimeBot.SecretServer.Service;

/// <summary>
/// What the secret service spends and refuses, for operators (<c>dotnet-counters monitor -n OneTimeBot.Host
/// --counters OneTimeBot.SecretServer</c>): bcrypt runs, the costly part of a passphrase attempt, and requests
/// refused by each rate limit.
/// </summary>
public sealed class SecretServerMetrics
{
    public const string MeterName = "OneTimeBot.SecretServer";
    public const string PassphraseChecksName = "onetimebot.secret_server.passphrase_checks";
    public const string RateLimitedName = "onetimebot.secret_server.rate_limited";

    private readonly Counter<long> _passphraseChecks;
    private readonly Counter<long> _rateLimited;

    public SecretServerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _passphraseChecks = meter.CreateCounter<long>(PassphraseChecksName, "{check}", "Passphrases verified with bcrypt, by result");
        _rateLimited = meter.CreateCounter<long>(RateLimitedName, "{request}", "Requests refused by a rate limit, by limit");
    }

    public void PassphraseChecked(bool matched) =>
        _passphraseChecks.Add(1, new KeyValuePair<string, object?>("result", matched ? "match" : "mismatch"));

    /// <summary>A passphrase not checked now because every bcrypt slot was taken; counted as a refusal.</summary>
    public void PassphraseCheckDeferred() => RateLimited("concurrent-passphrase-checks");

    public void RateLimited(string limit) =>
        _rateLimited.Add(1, new KeyValuePair<string, object?>("limit", limit));
}
