using System.Collections.Concurrent;
using System.Net;
using Nectar.JsonRpc.Authentication;
using Nectar.JsonRpc.Dispatch;

namespace Nectar.JsonRpc.Subscriptions;

/// <summary>
/// Tracks a server's open connections and closes them when their session ends: it listens to
/// <see cref="IRpcAuthenticator.SessionEnded"/> and closes every connection bound to that session. Dispose it to stop
/// listening and close all connections.
/// </summary>
public sealed class RpcConnectionRegistry : IDisposable
{
    private readonly ConcurrentDictionary<RpcConnection, byte> _connections = new();
    private int _disposed;

    /// <summary>Creates a registry.</summary>
    /// <param name="dispatcher">The dispatcher connections run their messages through.</param>
    /// <param name="authenticator">The authenticator whose session-ended events close connections.</param>
    public RpcConnectionRegistry(RpcDispatcher dispatcher, IRpcAuthenticator authenticator)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(authenticator);
        Dispatcher = dispatcher;
        Authenticator = authenticator;
        authenticator.SessionEnded += OnSessionEnded;
    }

    /// <summary>The dispatcher.</summary>
    public RpcDispatcher Dispatcher { get; }

    /// <summary>The authenticator.</summary>
    public IRpcAuthenticator Authenticator { get; }

    /// <summary>The number of open connections.</summary>
    public int Count => _connections.Count;

    /// <summary>Opens a connection over <paramref name="transport"/>; it starts anonymous.</summary>
    /// <param name="transport">The transport.</param>
    /// <param name="kind">The transport kind.</param>
    /// <param name="remoteAddress">The client's address, when known.</param>
    /// <returns>The connection; run <see cref="RpcConnection.RunSendLoopAsync"/> beside the receive loop.</returns>
    public RpcConnection Open(IRpcConnectionTransport transport, RpcTransportKind kind = RpcTransportKind.WebSocket, IPAddress? remoteAddress = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var connection = new RpcConnection(this, transport, kind, remoteAddress);
        _connections.TryAdd(connection, 0);
        Dispatcher.Metrics.ConnectionChanged(1);
        return connection;
    }

    /// <summary>Closes every open connection.</summary>
    /// <param name="reason">The reason given to each.</param>
    public void CloseAll(RpcCloseReason reason)
    {
        foreach (var connection in _connections.Keys)
        {
            connection.Close(reason);
        }
    }

    /// <summary>Stops listening for session ends and closes every connection as the server stops.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Authenticator.SessionEnded -= OnSessionEnded;
        CloseAll(RpcCloseReason.ServerStopping);
    }

    internal void Remove(RpcConnection connection)
    {
        if (_connections.TryRemove(connection, out _))
        {
            Dispatcher.Metrics.ConnectionChanged(-1);
        }
    }

    private void OnSessionEnded(object? sender, RpcSessionEndedEventArgs e)
    {
        var reason = e.Reason == RpcSessionEndReason.Expired ? RpcCloseReason.SessionExpired : RpcCloseReason.SessionRevoked;
        foreach (var connection in _connections.Keys)
        {
            if (connection.Principal is { } principal && string.Equals(principal.SessionId, e.SessionId, StringComparison.Ordinal))
            {
                connection.Close(reason);
            }
        }
    }
}
