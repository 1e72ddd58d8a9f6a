using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneTimeBot.Testing;

/// <summary>
/// Bot Framework and Microsoft login on one local https server, as they behave on the wire: OpenID metadata and a
/// JWKS with endorsements (its own RSA keys, which sign the tokens tests send), the login's tenant metadata and token
/// endpoint (client credentials), and a Bot Connector that records every message it is sent. The tokens it signs and
/// issues, the client secrets and assertions it is sent and the links the bot posts go to the run's leak ledger.
/// </summary>
public sealed class FakeBotFramework : IAsyncDisposable
{
    public const string Channel = "msteams";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly ConcurrentQueue<string> _tokenRequests = new();
    private readonly ConcurrentQueue<(string, string)> _clientAssertions = new();
    private readonly List<(string Kid, RsaSecurityKey Key, string[] Endorsements)> _published = [];
    private readonly ConcurrentDictionary<string, string> _conversationMembers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _people = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _withoutTheApp = new(StringComparer.OrdinalIgnoreCase);
    private int _conversations;

    private FakeBotFramework(WebApplication app, X509Certificate2 certificate, int port)
    {
        _app = app;
        Certificate = certificate;
        BaseUri = new Uri($"https://127.0.0.1:{port}/");
        SigningKey = NewKey("key-1");
        Publish(SigningKey, "key-1", [Channel]);
        TestRunLedger.Note(LedgerKind.Token, AccessToken);
    }

    public X509Certificate2 Certificate { get; }

    public Uri BaseUri { get; }

    public Uri MetadataUrl => new(BaseUri, "v1/.well-known/openidconfiguration");

    /// <summary>The service URL activities name: this server's connector.</summary>
    public string ServiceUrl => new Uri(BaseUri, "teams/").ToString();

    public RsaSecurityKey SigningKey { get; }

    public string AccessToken { get; } = "connector-token-" + Guid.NewGuid().ToString("N");

    public IReadOnlyList<ConnectorCall> Calls => _calls.ToArray();

    public IReadOnlyList<string> TokenRequests => _tokenRequests.ToArray();

    /// <summary>The signed JWTs a bot with a certificate sent instead of a secret, with the token endpoint they were sent to.</summary>
    public IReadOnlyList<(string TokenEndpoint, string Assertion)> ClientAssertions => _clientAssertions.ToArray();

    public static async Task<FakeBotFramework> StartAsync()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);

        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var server = new FakeBotFramework(app, certificate, port);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        return server;
    }

    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    /// <summary>Adds a key to the JWKS, endorsed for these channels.</summary>
    public void Publish(RsaSecurityKey key, string kid, string[] endorsements)
    {
        lock (_published)
        {
            _published.Add((kid, key, endorsements));
        }
    }

    /// <summary>Trusts this server's certificate in the host's named clients (the way a real CA would be trusted).</summary>
    public void TrustIn(IServiceCollection services, params string[] httpClientNames)
    {
        foreach (var name in httpClientNames)
        {
            services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == Certificate.Thumbprint,
            });
        }
    }

    /// <summary>A token as Bot Framework signs it for a request to the bot; each parameter can be made wrong.</summary>
    public string Token(string audience, string? serviceUrl = null, string issuer = "https://api.botframework.com", SecurityKey? key = null,
        string algorithm = SecurityAlgorithms.RsaSha256, DateTime? expires = null, DateTime? notBefore = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = (notBefore ?? now.AddMinutes(-1)),
            Expires = expires ?? now.AddMinutes(30),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl, ["appid"] = audience },
            SigningCredentials = new SigningCredentials(key ?? SigningKey, algorithm),
        };
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
        TestRunLedger.Note(LedgerKind.Token, token);
        return token;
    }

    /// <summary>A person of the organisation, by Azure AD object id, whom the connector names when asked for a conversation's member.</summary>
    public FakeBotFramework AddPerson(string aadObjectId, string name)
    {
        _people[aadObjectId] = name;
        return this;
    }

    /// <summary>
    /// People (by Azure AD object id or <c>29:</c> id) who have not installed the app: the connector refuses to open a
    /// conversation with them, 403 ForbiddenOperationException, as Teams does.
    /// </summary>
    public FakeBotFramework WithoutTheApp(string memberId)
    {
        _withoutTheApp[memberId] = true;
        return this;
    }

    /// <summary>The messages the bot posted into the 1:1 conversations it opened with <paramref name="memberId"/>.</summary>
    public IReadOnlyList<ConnectorCall> MessagesTo(string memberId)
    {
        var conversations = _conversationMembers.Where(c => string.Equals(c.Value, memberId, StringComparison.OrdinalIgnoreCase))
            .Select(c => $"/teams/v3/conversations/{Uri.EscapeDataString(c.Key)}/activities").ToHashSet(StringComparer.Ordinal);
        return _calls.Where(c => c.Method == "POST" && conversations.Contains(c.Path)).ToArray();
    }

    public async Task<IReadOnlyList<ConnectorCall>> WaitForMessagesToAsync(string memberId, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (MessagesTo(memberId) is { } messages && messages.Count >= count)
            {
                return messages;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"The fake Bot Connector did not receive {count} message(s) to {memberId} in time.");
    }

    public IReadOnlyList<ConnectorCall> CallsTo(string pathPart) => _calls.Where(c => c.Path.Contains(pathPart, StringComparison.Ordinal)).ToArray();

    public async Task<IReadOnlyList<ConnectorCall>> WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var calls = Calls;
            if (calls.Count >= count)
            {
                return calls;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"The fake Bot Connector did not receive {count} call(s) in time.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var ledger = TestRunLedger.Current;
        ledger.NoteAuthorization(context.Request.Headers.Authorization.ToString());
        ledger.NoteCredentialsIn(body);
        ledger.NoteLinksIn(body);
        JsonNode? answer;
        var status = 200;
        if (path == "/v1/.well-known/openidconfiguration")
        {
            answer = new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = new Uri(BaseUri, "v1/.well-known/keys").ToString(),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            };
        }
        else if (path == "/v1/.well-known/keys")
        {
            lock (_published)
            {
                answer = new JsonObject { ["keys"] = new JsonArray(_published.Select(p => (JsonNode?)Jwk(p.Kid, p.Key, p.Endorsements)).ToArray()) };
            }
        }
        else if (path.EndsWith("/v2.0/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            var tenant = path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
            answer = new JsonObject
            {
                ["token_endpoint"] = new Uri(BaseUri, $"{tenant}/oauth2/v2.0/token").ToString(),
                ["authorization_endpoint"] = new Uri(BaseUri, $"{tenant}/oauth2/v2.0/authorize").ToString(),
                ["issuer"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
            };
        }
        else if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            var form = QueryHelpers.ParseQuery(body);
            _tokenRequests.Enqueue($"{path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]} {form["grant_type"]} {form["client_id"]} {form["scope"]} secret:{form.ContainsKey("client_secret")}");
            if (form.TryGetValue("client_assertion_type", out var assertionType) && assertionType == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            {
                _clientAssertions.Enqueue((new Uri(BaseUri, path.TrimStart('/')).ToString(), form["client_assertion"].ToString()));
            }

            answer = new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["ext_expires_in"] = 3599, ["access_token"] = AccessToken };
        }
        else if (path.StartsWith("/teams/v3/conversations", StringComparison.Ordinal) && context.Request.Method == "GET")
        {
            // One member of a conversation: /teams/v3/conversations/{id}/members/{memberId}, named when the person is known.
            var memberId = Uri.UnescapeDataString(path.Split('/')[^1]);
            var aad = memberId.StartsWith("29:", StringComparison.Ordinal) ? memberId[3..] : memberId;
            if (path.Contains("/members/", StringComparison.Ordinal) && _people.TryGetValue(aad, out var name))
            {
                answer = new JsonObject { ["id"] = "29:" + aad, ["name"] = name, ["aadObjectId"] = aad, ["tenantId"] = "t" };
            }
            else
            {
                status = 404;
                answer = new JsonObject { ["error"] = new JsonObject { ["code"] = "ConversationMemberNotFound", ["message"] = "Member not found" } };
            }
        }
        else if (path.StartsWith("/teams/v3/conversations", StringComparison.Ordinal))
        {
            // The path as sent, with the conversation id still escaped.
            var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? path;
            var call = new ConnectorCall(context.Request.Method, raw, context.Request.Headers.Authorization.ToString(), JsonNode.Parse(body) as JsonObject ?? []);
            _calls.Enqueue(call);
            if (path == "/teams/v3/conversations" && context.Request.Method == "POST")
            {
                var member = call.Body["members"]?[0]?["id"]?.GetValue<string>() ?? "";
                if (_withoutTheApp.ContainsKey(member))
                {
                    status = 403;
                    answer = new JsonObject { ["error"] = new JsonObject { ["code"] = "ForbiddenOperationException", ["message"] = "Bot is not installed in user's personal scope" } };
                }
                else
                {
                    var id = "a:1on1-" + Interlocked.Increment(ref _conversations);
                    _conversationMembers[id] = member;
                    answer = new JsonObject { ["id"] = id };
                }
            }
            else
            {
                answer = new JsonObject { ["id"] = "1700000000" + Interlocked.Increment(ref _conversations) };
            }
        }
        else
        {
            status = 404;
            answer = new JsonObject { ["error"] = "not found" };
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static JsonObject Jwk(string kid, RsaSecurityKey key, string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode?)e).ToArray()),
        };
    }
}

/// <summary>One call the bot made to the Bot Connector.</summary>
public sealed record ConnectorCall(string Method, string Path, string Authorization, JsonObject Body)
{
    /// <summary>The Adaptive Card the message carries.</summary>
    public JsonObject? Card => Body["attachments"]?[0]?["content"] as JsonObject;
}
