namespace Nectar.JsonRpc;

/// <summary>
/// The error codes Nectar answers with: the JSON-RPC 2.0 codes, the Ethereum execution codes of the execution-apis
/// specification, and Nectar's own range <see cref="NectarRangeFirst"/> to <see cref="NectarRangeLast"/>.
/// </summary>
public static class RpcErrorCodes
{
    /// <summary>The payload is not valid JSON.</summary>
    public const int ParseError = -32700;

    /// <summary>The JSON is not a valid JSON-RPC request (wrong member types, empty batch, limits exceeded).</summary>
    public const int InvalidRequest = -32600;

    /// <summary>No method with that name exists (or is available on this transport).</summary>
    public const int MethodNotFound = -32601;

    /// <summary>The parameters do not bind: missing, surplus or malformed; the message names the parameter.</summary>
    public const int InvalidParams = -32602;

    /// <summary>An unexpected failure inside the node; the message never carries details.</summary>
    public const int InternalError = -32603;

    /// <summary>The generic server error Ethereum clients use for domain failures ("header not found").</summary>
    public const int ServerError = -32000;

    /// <summary>A transaction's nonce is below the account's next nonce.</summary>
    public const int NonceTooLow = 1;

    /// <summary>A transaction's nonce is above the account's next nonce.</summary>
    public const int NonceTooHigh = 2;

    /// <summary>Execution reverted; <c>data</c> carries the revert bytes as hex.</summary>
    public const int ExecutionReverted = 3;

    /// <summary>First (highest) code of Nectar's own range.</summary>
    public const int NectarRangeFirst = -32090;

    /// <summary>Last (lowest) code of Nectar's own range.</summary>
    public const int NectarRangeLast = -32099;

    /// <summary>The method needs an authenticated caller and the request has no valid bearer token.</summary>
    public const int Unauthorized = -32090;

    /// <summary>The bearer token was valid once but its session expired or was revoked.</summary>
    public const int SessionExpired = -32091;

    /// <summary>The caller is authenticated but policy forbids the call.</summary>
    public const int Forbidden = -32092;

    /// <summary>The caller sends too many requests; retry later.</summary>
    public const int RateLimited = -32093;

    /// <summary>A per-connection or per-request limit is reached (subscriptions, response size).</summary>
    public const int LimitExceeded = -32094;

    /// <summary>Whether <paramref name="code"/> is in Nectar's own range.</summary>
    /// <param name="code">An error code.</param>
    /// <returns><see langword="true"/> for codes from -32099 to -32090.</returns>
    public static bool IsNectarCode(int code) => code is <= NectarRangeFirst and >= NectarRangeLast;
}
