namespace OneTimeBot.Host.Hosting;

/// <summary>
/// Section <c>Host</c>. <see cref="PublicUrl"/> is the address people and platforms reach this host at (links to the
/// embedded secret service are built on it). When unset, the first address the server listens on is used, which is
/// right for a laptop and wrong behind a proxy.
/// </summary>
public sealed class PublicUrlOptions
{
    public const string SectionName = "Host";

    public string? PublicUrl { get; set; }
}
