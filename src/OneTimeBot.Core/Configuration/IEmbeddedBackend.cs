namespace OneTimeBot.Core.Configuration;

/// <summary>
/// Where this host's own embedded secret service answers. The bot reaches it through the host's public URL, the
/// same path as any other backend, so links it hands out are ones recipients can open.
/// </summary>
public interface IEmbeddedBackendAddress
{
    Uri BaseUri { get; }
}
