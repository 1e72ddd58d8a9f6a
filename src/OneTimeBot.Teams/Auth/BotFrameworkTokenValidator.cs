using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OneTimeBot.Teams.Configuration;

namespace OneTimeBot.Teams.Auth;

/// <summary>
/// Validates the Bot Framework JWT on an inbound request: RS256/384/512 only, signed by a key from Bot Framework's
/// OpenID metadata (cached, refreshed once when a token names an unknown key), issuer, audience = the bot's app id,
/// lifetime with five minutes' skew. The caller then matches the <c>serviceurl</c> claim and the key's endorsements
/// against the activity (<see cref="InboundCheck.MismatchWith"/>).
/// </summary>
public sealed class BotFrameworkTokenValidator : IDisposable
{
    public const string HttpClientName = "BotFrameworkOpenId";
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan MaximumAge = TimeSpan.FromHours(12);

    private readonly IOptions<TeamsOptions> _options;
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = 16 * 1024 };
    private (OpenIdConnectConfiguration Metadata, DateTimeOffset FetchedAt)? _current;

    public BotFrameworkTokenValidator(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider time)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _httpClients = httpClients ?? throw new ArgumentNullException(nameof(httpClients));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public async Task<InboundCheck> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return InboundCheck.Refused("no bearer token");
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return InboundCheck.Refused("the token is not a JWT");
        }

        var metadata = await MetadataAsync(refresh: false, cancellationToken).ConfigureAwait(false);
        if (metadata is null)
        {
            return InboundCheck.Refused("Bot Framework's signing keys could not be fetched");
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(metadata)).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException &&
            await MetadataAsync(refresh: true, cancellationToken).ConfigureAwait(false) is { } refreshed && !ReferenceEquals(refreshed, metadata))
        {
            // A key we had not seen: Bot Framework may have rotated its keys since we fetched them.
            metadata = refreshed;
            result = await _handler.ValidateTokenAsync(token, Parameters(metadata)).ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            return InboundCheck.Refused(Reason(result.Exception));
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var serviceUrl = jwt.TryGetPayloadValue<string>("serviceurl", out var url) ? url : null;
        return new InboundCheck(true, "valid", serviceUrl, Endorsements(metadata, jwt.Kid));
    }

    public void Dispose() => _fetching.Dispose();

    /// <summary>
    /// The cached metadata and keys, fetched when missing or older than 12 hours, or when <paramref name="refresh"/>
    /// asks and the last fetch is older than <see cref="TeamsOptions.SigningKeyRefreshInterval"/> (so tokens naming
    /// made-up keys cannot make us hammer the endpoint). Null when they cannot be fetched.
    /// </summary>
    private async Task<OpenIdConnectConfiguration?> MetadataAsync(bool refresh, CancellationToken cancellationToken)
    {
        bool Fresh((OpenIdConnectConfiguration Metadata, DateTimeOffset FetchedAt)? current) =>
            current is { } c && _time.GetUtcNow() - c.FetchedAt < (refresh ? _options.Value.SigningKeyRefreshInterval : MaximumAge);

        if (Fresh(_current))
        {
            return _current!.Value.Metadata;
        }

        await _fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_current))
            {
                return _current!.Value.Metadata;
            }

            var url = _options.Value.OpenIdMetadataUrl;
            var retriever = new HttpDocumentRetriever(_httpClients.CreateClient(HttpClientName)) { RequireHttps = url.StartsWith("https:", StringComparison.OrdinalIgnoreCase) };
            var metadata = await OpenIdConnectConfigurationRetriever.GetAsync(url, retriever, cancellationToken).ConfigureAwait(false);
            _current = (metadata, _time.GetUtcNow());
            return metadata;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or HttpRequestException or ArgumentException or System.Text.Json.JsonException)
        {
            // Keep using what we have; without anything, nothing can be verified.
            return _current?.Metadata;
        }
        finally
        {
            _fetching.Release();
        }
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration metadata) => new()
    {
        ValidIssuer = TeamsOptions.BotFrameworkIssuer,
        ValidAudience = _options.Value.AppId.Trim(),
        IssuerSigningKeys = metadata.SigningKeys,
        ValidAlgorithms = Algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = TimeSpan.FromMinutes(5),
        TryAllIssuerSigningKeys = false,
    };

    /// <summary>The channels the signing key may be used for: the raw <c>endorsements</c> field of its JWK.</summary>
    private static string[] Endorsements(OpenIdConnectConfiguration metadata, string kid)
    {
        var key = metadata.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var raw))
        {
            return [];
        }

        return raw switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray(),
            IEnumerable<object> list => list.Select(o => o?.ToString() ?? "").ToArray(),
            string one => [one],
            _ => [],
        };
    }

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAlgorithmException => "an algorithm other than RS256/384/512",
        SecurityTokenInvalidIssuerException => "the wrong issuer",
        SecurityTokenInvalidAudienceException => "another audience",
        SecurityTokenExpiredException => "an expired token",
        SecurityTokenNotYetValidException => "a token not yet valid",
        SecurityTokenSignatureKeyNotFoundException => "a signing key Bot Framework does not publish",
        SecurityTokenInvalidSignatureException => "an invalid signature",
        SecurityTokenNoExpirationException => "a token without expiry",
        null => "an invalid token",
        _ => "an invalid token (" + exception.GetType().Name + ")",
    };
}
