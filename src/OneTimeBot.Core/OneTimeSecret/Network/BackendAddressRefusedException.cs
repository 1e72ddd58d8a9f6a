namespace OneTimeBot.Core.OneTimeSecret.Network;

/// <summary>
/// A connection to a workspace-chosen backend was refused before it was made, because the host's name resolved to an
/// address that is not on the public internet. Names only the host, never a path.
/// </summary>
public sealed class BackendAddressRefusedException : Exception
{
    public BackendAddressRefusedException()
    {
    }

    public BackendAddressRefusedException(string host)
        : base($"{host} resolves to an address that is not on the public internet, so it is not connected to.")
    {
        Host = host;
    }

    public BackendAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Host { get; }
}
