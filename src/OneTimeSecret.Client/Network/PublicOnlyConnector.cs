using System.Net.Sockets;

namespace OneTimeSecret.Client.Network;

/// <summary>
/// The connect step of the HTTP handler that calls <see cref="OneTimeSecretConnection.PublicOnly"/> servers. The name is
/// resolved here and the socket is opened to exactly the addresses that were checked, so a DNS answer that changes
/// between a check and the connect (rebinding) cannot steer the connection inside your network.
/// </summary>
internal sealed class PublicOnlyConnector(PublicHostCheck publicHosts)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = await publicHosts.PublicAddressesOfAsync(endpoint.Host, cancellationToken).ConfigureAwait(false)
            ?? throw new BackendAddressRefusedException(endpoint.Host);

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
