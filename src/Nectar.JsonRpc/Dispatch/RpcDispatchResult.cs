namespace Nectar.JsonRpc.Dispatch;

/// <summary>What a dispatch produced, for the transport to choose its status and framing.</summary>
/// <param name="HasResponse">Whether a response was written (false when every request was a notification).</param>
/// <param name="IsBatch">Whether the payload was a batch (the response is then a JSON array).</param>
/// <param name="RequestCount">How many requests the payload held (1 for a single request or a rejected payload).</param>
/// <param name="UnauthorizedCount">How many requests were refused for lack of a valid bearer token.</param>
public readonly record struct RpcDispatchResult(bool HasResponse, bool IsBatch, int RequestCount, int UnauthorizedCount)
{
    /// <summary>Whether every request in the payload was refused for authentication (HTTP answers 401 then).</summary>
    public bool AllUnauthorized => RequestCount > 0 && UnauthorizedCount == RequestCount;
}
