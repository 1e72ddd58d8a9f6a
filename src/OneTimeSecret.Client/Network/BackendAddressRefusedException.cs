namespace OneTimeSecret.Client.Network;

/// <summary>
/// A connection to a <see cref="OneTimeSecretConnection.PublicOnly"/> server was refused before it was made, because
/// the host's name resolved to an address that is not on the public internet. Names only the host, never a path.
/// The client reports it as <see cref="OtsFailureKind.AddressRefused"/>; it surfaces as an exception only to code that
/// sends its own requests through the public-only <see cref="HttpClient"/>, inside an <see cref="HttpRequestException"/>.
/// </summary>
public sealed class BackendAddressRefusedException : Exception
{
    /// <summary>A refusal that names no host.</summary>
    public BackendAddressRefusedException()
    {
    }

    /// <summary>A refusal to connect to <paramref name="host"/>.</summary>
    /// <param name="host">The host name or address literal that was refused.</param>
    public BackendAddressRefusedException(string host)
        : base($"{host} resolves to an address that is not on the public internet, so it is not connected to.")
    {
        Host = host;
    }

    /// <summary>A refusal with a message of its own and the failure that caused it.</summary>
    /// <param name="message">What happened; never a path or a key.</param>
    /// <param name="innerException">What caused it.</param>
    public BackendAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The host that was refused, when known.</summary>
    public string? Host { get; }
}
