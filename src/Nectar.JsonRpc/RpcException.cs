namespace Nectar.JsonRpc;

/// <summary>
/// A JSON-RPC error raised by a method: the dispatcher answers with <see cref="Code"/>, <see cref="Exception.Message"/>
/// and, when present, <see cref="ErrorData"/> as a hex string. Any other exception becomes a bare internal error.
/// </summary>
public class RpcException : Exception
{
    /// <summary>Creates an internal error without details.</summary>
    public RpcException()
        : this(RpcErrorCodes.InternalError, "internal error")
    {
    }

    /// <summary>Creates a server error (-32000) with a message.</summary>
    /// <param name="message">The message sent to the caller.</param>
    public RpcException(string message)
        : this(RpcErrorCodes.ServerError, message)
    {
    }

    /// <summary>Creates a server error (-32000) with a message and a cause that is never sent.</summary>
    /// <param name="message">The message sent to the caller.</param>
    /// <param name="innerException">The cause, kept for diagnostics only.</param>
    public RpcException(string message, Exception innerException)
        : base(message, innerException) => Code = RpcErrorCodes.ServerError;

    /// <summary>Creates an error with a code, a message and optional data bytes.</summary>
    /// <param name="code">The JSON-RPC error code (see <see cref="RpcErrorCodes"/>).</param>
    /// <param name="message">The message sent to the caller; it must not carry secrets.</param>
    /// <param name="data">Bytes sent as the hex <c>data</c> member (revert data), or <see langword="null"/>.</param>
    public RpcException(int code, string message, byte[]? data = null)
        : base(message)
    {
        Code = code;
        ErrorData = data;
    }

    /// <summary>The JSON-RPC error code.</summary>
    public int Code { get; }

    /// <summary>The bytes sent as the hex <c>data</c> member, or <see langword="null"/> for none.</summary>
    public byte[]? ErrorData { get; }

    /// <summary>An invalid-params error (-32602) naming the parameter.</summary>
    /// <param name="parameter">The parameter's wire name.</param>
    /// <param name="reason">Why it was rejected.</param>
    /// <returns>The exception to throw.</returns>
    public static RpcException InvalidParams(string parameter, string reason) =>
        new(RpcErrorCodes.InvalidParams, $"invalid argument '{parameter}': {reason}");

    /// <summary>An execution-reverted error (3) carrying the revert bytes.</summary>
    /// <param name="revertData">The bytes the execution reverted with.</param>
    /// <param name="reason">The decoded reason (from <c>Error(string)</c> or a panic), if any.</param>
    /// <returns>The exception to throw.</returns>
    public static RpcException Reverted(byte[] revertData, string? reason = null) =>
        new(RpcErrorCodes.ExecutionReverted, string.IsNullOrEmpty(reason) ? "execution reverted" : "execution reverted: " + reason, revertData);

    /// <summary>A nonce-too-low error (1).</summary>
    /// <param name="message">The message, e.g. <c>nonce too low: next nonce 5, tx nonce 4</c>.</param>
    /// <returns>The exception to throw.</returns>
    public static RpcException NonceTooLow(string message) => new(RpcErrorCodes.NonceTooLow, message);

    /// <summary>A nonce-too-high error (2).</summary>
    /// <param name="message">The message, e.g. <c>nonce too high: next nonce 5, tx nonce 9</c>.</param>
    /// <returns>The exception to throw.</returns>
    public static RpcException NonceTooHigh(string message) => new(RpcErrorCodes.NonceTooHigh, message);

    /// <summary>A forbidden error (-32092): authenticated, but policy denies the call.</summary>
    /// <param name="message">The message sent to the caller.</param>
    /// <returns>The exception to throw.</returns>
    public static RpcException Forbidden(string message) => new(RpcErrorCodes.Forbidden, message);

    /// <summary>A rate-limited error (-32093).</summary>
    /// <returns>The exception to throw.</returns>
    public static RpcException RateLimited() => new(RpcErrorCodes.RateLimited, "rate limited: too many requests");

    /// <summary>A limit-exceeded error (-32094).</summary>
    /// <param name="message">Which limit and its value.</param>
    /// <returns>The exception to throw.</returns>
    public static RpcException LimitExceeded(string message) => new(RpcErrorCodes.LimitExceeded, message);
}
