using System.Globalization;
using OneTimeBot.Core.Hosting;
using OneTimeBot.SecretServer.Configuration;

namespace OneTimeBot.Host.Hosting.BodyLimits;

/// <summary>The body limit of each endpoint family (see <see cref="RequestBodyLimits"/> for why each is what it is).</summary>
public sealed class RequestBodyLimitPolicy
{
    private readonly long _secretApi;
    private readonly long _pages;

    public RequestBodyLimitPolicy(IConfiguration configuration)
    {
        // The raw settings, not the validated options: form options are built while the host starts, before start-up
        // validation reports every section's errors at once, and asking for validated options here would pre-empt it.
        // An invalid value stops start-up there anyway.
        var defaults = new SecretServerOptions();
        var maxSecretBytes = Setting(configuration, nameof(SecretServerOptions.MaxSecretBytes), defaults.MaxSecretBytes);
        var maxPassphraseLength = Setting(configuration, nameof(SecretServerOptions.MaxPassphraseLength), defaults.MaxPassphraseLength);
        _secretApi = RequestBodyLimits.SecretApiBytes(maxSecretBytes, maxPassphraseLength);
        _pages = RequestBodyLimits.PageBytes(maxPassphraseLength);
    }

    public long LimitFor(EndpointFamily family) => family switch
    {
        EndpointFamily.SecretApi => _secretApi,
        EndpointFamily.SecretPages => _pages,
        EndpointFamily.Slack => RequestBodyLimits.SlackBytes,
        EndpointFamily.Teams => RequestBodyLimits.TeamsBytes,
        _ => RequestBodyLimits.OtherBytes,
    };

    /// <summary>The largest of them: what form parsing may ever be asked to hold.</summary>
    public long Largest => Enum.GetValues<EndpointFamily>().Max(LimitFor);

    private static int Setting(IConfiguration configuration, string name, int fallback) =>
        int.TryParse(configuration[$"{SecretServerOptions.SectionName}:{name}"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
