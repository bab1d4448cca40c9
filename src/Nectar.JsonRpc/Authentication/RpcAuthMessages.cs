namespace Nectar.JsonRpc.Authentication;

/// <summary>The fixed messages that tell a caller why a request is refused; they never contain the token.</summary>
public static class RpcAuthMessages
{
    /// <summary>The message for a failure reason.</summary>
    /// <param name="failure">Why the request has no principal.</param>
    /// <returns>A short, fixed message naming the problem.</returns>
    public static string Describe(RpcAuthFailure failure) => failure switch
    {
        RpcAuthFailure.InvalidToken => "unauthorized: invalid bearer token",
        RpcAuthFailure.ExpiredToken => "unauthorized: bearer token expired",
        RpcAuthFailure.RevokedSession => "unauthorized: session revoked",
        _ => "unauthorized: this method needs an Authorization: Bearer token",
    };

    /// <summary>The error code for a failure reason: expired and revoked sessions differ from missing tokens.</summary>
    /// <param name="failure">Why the request has no principal.</param>
    /// <returns><see cref="RpcErrorCodes.SessionExpired"/> or <see cref="RpcErrorCodes.Unauthorized"/>.</returns>
    public static int CodeOf(RpcAuthFailure failure) =>
        failure is RpcAuthFailure.ExpiredToken or RpcAuthFailure.RevokedSession ? RpcErrorCodes.SessionExpired : RpcErrorCodes.Unauthorized;
}
