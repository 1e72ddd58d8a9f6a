namespace OneTimeBot.SecretServer.Service;

/// <summary>Shows an address the way receipts do: <c>jo*****e@e*****.com</c>, enough to recognise, not to harvest.</summary>
public static class EmailObscurer
{
    private const string Stars = "*****";

    public static string Obscure(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        var local = email[..at];
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var name = dot > 0 ? domain[..dot] : domain;
        var tld = dot > 0 ? domain[dot..] : "";
        return $"{Edge(local, keepLast: true)}@{Edge(name, keepLast: false)}{tld}";
    }

    private static string Edge(string part, bool keepLast) => part.Length switch
    {
        0 => Stars,
        1 or 2 => part[0] + Stars,
        _ => keepLast ? part[..2] + Stars + part[^1] : part[0] + Stars,
    };
}
