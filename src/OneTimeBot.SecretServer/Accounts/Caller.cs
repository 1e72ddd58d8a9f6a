namespace OneTimeBot.SecretServer.Accounts;

/// <summary>Who is calling: an API user, or anonymous (custid <c>anon</c>) from a client address.</summary>
public sealed record Caller(string CustomerId, bool IsAnonymous, string ClientAddress)
{
    public const string AnonymousId = "anon";

    public static Caller Anonymous(string clientAddress) => new(AnonymousId, true, clientAddress);

    public static Caller Account(string username, string clientAddress) => new(username, false, clientAddress);
}
