using System.Net;
using System.Net.Sockets;

namespace Nectar.Node.Hosting;

/// <summary>
/// Picks a free TCP port before the RPC server binds it. The node needs its port before it starts listening when the
/// port is part of other settings (a dev node's sign-in domain is its RPC authority, <c>127.0.0.1:PORT</c>). The
/// port is free when picked; another process could take it before the server binds, so the caller retries with a
/// new one when binding fails.
/// </summary>
internal static class PortReservation
{
    public static int PickFreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static bool IsAddressInUse(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } ||
                current.GetType().Name == "AddressInUseException")
            {
                return true;
            }
        }

        return false;
    }
}
