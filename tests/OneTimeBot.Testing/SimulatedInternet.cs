using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using OneTimeSecret.Client;
using OneTimeSecret.Client.Network;

namespace OneTimeBot.Testing;

/// <summary>
/// Stands in for the public internet, which tests cannot reach, behind the host's client for workspace-chosen backends:
/// a name the host's resolver says is public is connected to a local server of the test's instead, over TLS with a
/// certificate trusted as a real CA's would be. The host's own check still decides which names may be connected to;
/// only where a permitted connection lands is simulated. Refusals are tested on the real client, without this.
/// </summary>
public sealed class SimulatedInternet : IDisposable
{
    private readonly Dictionary<string, int> _routes = new(StringComparer.OrdinalIgnoreCase);

    public X509Certificate2 Certificate { get; } = CreateCertificate();

    /// <summary>Connections to <paramref name="host"/> on 443 land on this local port.</summary>
    public SimulatedInternet Route(string host, Uri localServer)
    {
        ArgumentNullException.ThrowIfNull(localServer);
        _routes[host] = localServer.Port;
        return this;
    }

    public void ConfigureIn(IServiceCollection services)
    {
        services.AddHttpClient(OneTimeSecretServiceCollectionExtensions.PublicOnlyHttpClientName).ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString(),
            },
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                if (await sp.GetRequiredService<PublicHostCheck>().PublicAddressesOfAsync(host, cancellationToken).ConfigureAwait(false) is null)
                {
                    throw new BackendAddressRefusedException(host);
                }

                var port = _routes.TryGetValue(host, out var local) ? local : throw new HttpRequestException($"Nothing on the simulated internet answers at {host}.");
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(System.Net.IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        });
    }

    public void Dispose() => Certificate.Dispose();

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=simulated-internet", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
