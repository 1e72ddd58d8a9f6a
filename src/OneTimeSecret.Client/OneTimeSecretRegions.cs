namespace OneTimeSecret.Client;

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

    /// <summary>The region names, as <see cref="TryGet"/> takes them: <c>us</c>, <c>eu</c>, <c>ca</c>, <c>nz</c>, <c>uk</c>.</summary>
    public static IReadOnlyCollection<string> Names { get; } = ["us", "eu", "ca", "nz", "uk"];

    /// <summary>The web root of a region, by name (any case).</summary>
    /// <param name="name">A region name, e.g. <c>eu</c>.</param>
    /// <param name="baseUri">The region's web root, e.g. <c>https://eu.onetimesecret.com/</c>, when the name is known.</param>
    /// <returns>Whether the name is a region.</returns>
    public static bool TryGet(string name, out Uri baseUri) => ByName.TryGetValue(name, out baseUri!);
}
