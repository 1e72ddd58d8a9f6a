namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>The public onetimesecret.com regions, each its own data store.</summary>
public static class OneTimeSecretRegions
{
    private static readonly Dictionary<string, Uri> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["us"] = new Uri("https://us.onetimesecret.com/"),
        ["eu"] = new Uri("https://eu.onetimesecret.com/"),
        ["ca"] = new Uri("https://ca.onetimesecret.com/"),
        ["nz"] = new Uri("https://nz.onetimesecret.com/"),
        ["uk"] = new Uri("https://uk.onetimesecret.com/"),
    };

    public static IReadOnlyCollection<string> Names { get; } = ["us", "eu", "ca", "nz", "uk"];

    public static bool TryGet(string name, out Uri baseUri) => ByName.TryGetValue(name, out baseUri!);
}
