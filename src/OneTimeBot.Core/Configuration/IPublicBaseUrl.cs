namespace OneTimeBot.Core.Configuration;

/// <summary>Where people and platforms reach this host: OAuth redirects and embedded links are built on it.</summary>
public interface IPublicBaseUrl
{
    /// <summary>An absolute URL ending in <c>/</c>.</summary>
    Uri BaseUri { get; }
}
