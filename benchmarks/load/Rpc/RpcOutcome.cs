using System.Text.Json;

namespace Nectar.Benchmarks.Load.Rpc;

/// <summary>The answer to one call of a batch: a result, or an error code and message.</summary>
/// <param name="Result">The result (detached from the response), or default when the call failed.</param>
/// <param name="ErrorCode">The error code, or null when the call succeeded.</param>
/// <param name="ErrorMessage">The error message, or null when the call succeeded.</param>
internal readonly record struct RpcOutcome(JsonElement Result, long? ErrorCode, string? ErrorMessage)
{
    /// <summary>Whether the call succeeded.</summary>
    public bool Succeeded => ErrorCode is null;
}
