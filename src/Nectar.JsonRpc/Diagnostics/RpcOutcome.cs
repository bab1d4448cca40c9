namespace Nectar.JsonRpc.Diagnostics;

/// <summary>How a request ended, as recorded in metrics and logs.</summary>
public enum RpcOutcome
{
    /// <summary>A result was returned.</summary>
    Success = 0,

    /// <summary>The method raised a domain error (revert, nonce, not found, ...).</summary>
    Error = 1,

    /// <summary>The payload was not JSON.</summary>
    ParseError = 2,

    /// <summary>The request was not valid JSON-RPC or exceeded a limit.</summary>
    InvalidRequest = 3,

    /// <summary>No such method.</summary>
    MethodNotFound = 4,

    /// <summary>The parameters did not bind.</summary>
    InvalidParams = 5,

    /// <summary>Refused for lack of a valid bearer token.</summary>
    Unauthorized = 6,

    /// <summary>An unexpected failure in the node.</summary>
    InternalError = 7,
}
