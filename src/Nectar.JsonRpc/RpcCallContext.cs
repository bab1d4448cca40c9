using System.Net;
using Nectar.JsonRpc.Authentication;
using Nectar.JsonRpc.Subscriptions;

namespace Nectar.JsonRpc;

/// <summary>
/// What a method knows about the request it serves: the authenticated principal (or why there is none), the
/// transport, the connection (for subscriptions), the client address and a cancellation token.
/// </summary>
public sealed class RpcCallContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="transport">The transport the request arrived on.</param>
    /// <param name="principal">The authenticated caller, or <see langword="null"/>.</param>
    /// <param name="authFailure">Why there is no principal; ignored when <paramref name="principal"/> is set.</param>
    /// <param name="connection">The long-lived connection (WebSocket), or <see langword="null"/> for HTTP.</param>
    /// <param name="remoteAddress">The client's address, when known.</param>
    /// <param name="cancellationToken">Cancelled when the caller goes away or the server stops.</param>
    public RpcCallContext(
        RpcTransportKind transport,
        RpcPrincipal? principal = null,
        RpcAuthFailure authFailure = RpcAuthFailure.MissingToken,
        RpcConnection? connection = null,
        IPAddress? remoteAddress = null,
        CancellationToken cancellationToken = default)
    {
        Transport = transport;
        Principal = principal;
        AuthFailure = principal is not null ? RpcAuthFailure.None
            : authFailure == RpcAuthFailure.None ? RpcAuthFailure.MissingToken
            : authFailure;
        Connection = connection;
        RemoteAddress = remoteAddress;
        CancellationToken = cancellationToken;
    }

    /// <summary>The transport the request arrived on.</summary>
    public RpcTransportKind Transport { get; }

    /// <summary>The authenticated caller, or <see langword="null"/> for an anonymous request.</summary>
    public RpcPrincipal? Principal { get; }

    /// <summary>Why there is no principal; <see cref="RpcAuthFailure.None"/> when authenticated.</summary>
    public RpcAuthFailure AuthFailure { get; }

    /// <summary>The connection for subscriptions, or <see langword="null"/> on transports without one (HTTP).</summary>
    public RpcConnection? Connection { get; }

    /// <summary>The client's network address, when the transport knows it.</summary>
    public IPAddress? RemoteAddress { get; }

    /// <summary>Cancelled when the caller goes away or the server stops.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether the request carries a valid principal.</summary>
    public bool IsAuthenticated => Principal is not null;

    /// <summary>The principal; throws an unauthorized error when there is none.</summary>
    /// <returns>The authenticated caller.</returns>
    /// <exception cref="RpcException">The request is anonymous.</exception>
    public RpcPrincipal RequirePrincipal() =>
        Principal ?? throw new RpcException(RpcErrorCodes.Unauthorized, RpcAuthMessages.Describe(AuthFailure));
}
