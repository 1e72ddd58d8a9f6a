using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using OneTimeBot.Teams.Configuration;

namespace OneTimeBot.Teams.Connector;

/// <summary>
/// The bot's token for the Bot Connector, from MSAL client credentials: the tenant's authority for a single-tenant
/// bot, <c>botframework.com</c> for a multi-tenant one. MSAL caches the token and renews it before it expires.
/// </summary>
public sealed class BotTokenProvider
{
    public const string HttpClientName = "MicrosoftLogin";
    private static readonly string[] Scopes = ["https://api.botframework.com/.default"];

    private readonly Lazy<IConfidentialClientApplication?> _app;

    public BotTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        _app = new Lazy<IConfidentialClientApplication?>(() => Build(options.Value, httpClients, environment));
    }

    /// <summary>Null when the bot has no credentials (the local development mode): calls then go without a token.</summary>
    public async Task<string?> TokenAsync(CancellationToken cancellationToken)
    {
        if (_app.Value is not { } app)
        {
            return null;
        }

        var result = await app.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication? Build(TeamsOptions o, IHttpClientFactory httpClients, IHostEnvironment environment)
    {
        if (!o.HasCredentials)
        {
            return null;
        }

        var tenant = o.TenantId.Trim().Length > 0 ? o.TenantId.Trim() : "botframework.com";
        var builder = ConfidentialClientApplicationBuilder.Create(o.AppId.Trim())
            .WithAuthority($"{o.LoginBaseUrl.TrimEnd('/')}/{tenant}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            // One application instance for the process (this provider is a singleton) holds its own token cache; MSAL's
            // shared static cache would hand a token from one authority to another app built with the same client id.
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClients));
        builder = o.AppCertificateFile.Trim().Length > 0
            ? builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(Path.GetFullPath(o.AppCertificateFile, environment.ContentRootPath), o.AppCertificatePassword), sendX5C: true)
            : builder.WithClientSecret(o.AppPassword);
        return builder.Build();
    }
}
