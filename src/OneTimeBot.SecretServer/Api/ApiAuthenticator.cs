using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OneTimeBot.SecretServer.Accounts;
using OneTimeBot.SecretServer.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Api;

/// <summary>
/// HTTP Basic <c>username:apitoken</c>, or anonymous when allowed. Credentials that are present but wrong are refused:
/// they never fall back to anonymous.
/// </summary>
public sealed class ApiAuthenticator(ApiAccounts accounts, IOptions<SecretServerOptions> options)
{
    public Caller? Authenticate(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = ClientAddress(context);
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return options.Value.AllowAnonymous ? Caller.Anonymous(address) : null;
        }

        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string pair;
        try
        {
            pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var username = pair[..colon];
        var token = new SecretText(pair[(colon + 1)..]);
        return accounts.Verify(username, token) ? Caller.Account(username, token, address) : null;
    }

    /// <summary>Who the caller is for per-client limits: its address, or its IPv6 /64 (<see cref="ClientBucket"/>).</summary>
    public static string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ClientBucket.Of(context.Connection.RemoteIpAddress);
    }
}
