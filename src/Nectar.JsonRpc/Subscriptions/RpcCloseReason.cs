namespace Nectar.JsonRpc.Subscriptions;

/// <summary>Why a long-lived connection was closed; transports map it to their close status.</summary>
public enum RpcCloseReason
{
    /// <summary>The client closed the connection or it ended normally.</summary>
    Normal = 0,

    /// <summary>The session's token expired.</summary>
    SessionExpired = 1,

    /// <summary>The session was revoked or logged out.</summary>
    SessionRevoked = 2,

    /// <summary>The client did not read fast enough and its outbound queue filled up.</summary>
    SlowConsumer = 3,

    /// <summary>A message exceeded the size limit.</summary>
    MessageTooLarge = 4,

    /// <summary>The client broke the protocol (binary frames, invalid UTF-8).</summary>
    ProtocolError = 5,

    /// <summary>The server is stopping.</summary>
    ServerStopping = 6,

    /// <summary>The transport failed (network error).</summary>
    TransportError = 7,

    /// <summary>The connection stayed anonymous longer than allowed.</summary>
    AuthenticationTimeout = 8,
}
