using OneTimeBot.SecretServer.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Accounts;

/// <summary>
/// Who is calling: anonymous (custid <c>anon</c>) from a client address, a configured API account with the token it
/// presented (its recent list is sealed under that token), or the bot's own internal account.
/// </summary>
public sealed record Caller(string CustomerId, CallerKind Kind, string ClientAddress, SecretText? Token = null)
{
    public const string AnonymousId = "anon";

    public bool IsAnonymous => Kind == CallerKind.Anonymous;

    public bool IsInternal => Kind == CallerKind.Internal;

    public static Caller Anonymous(string clientAddress) => new(AnonymousId, CallerKind.Anonymous, clientAddress);

    /// <summary>An authenticated caller: the internal account by its reserved name, which no configured account may take.</summary>
    public static Caller Account(string username, SecretText token, string clientAddress) =>
        new(username, username == ApiAccountOptions.InternalUsername ? CallerKind.Internal : CallerKind.Account, clientAddress, token);
}

public enum CallerKind
{
    Anonymous,
    Account,

    /// <summary>The bot itself, on behalf of every workspace that uses the embedded backend.</summary>
    Internal,
}
