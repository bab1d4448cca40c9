using Nectar.Core.Primitives;
using Nectar.JsonRpc.Eth;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Debug;

/// <summary>
/// The <c>debug_</c> tracing methods: go-ethereum's struct-log tracer (the default) and <c>callTracer</c>. Traces show
/// raw execution, so they are for callers who may read raw state, and a stored transaction's trace also needs the
/// right to see that transaction.
/// </summary>
public interface IDebugRpcModule
{
    /// <summary>Re-executes a stored transaction with a tracer.</summary>
    /// <param name="transactionHash">The transaction.</param>
    /// <param name="context">The call's context.</param>
    /// <param name="options">The tracer and its options.</param>
    /// <returns>The trace.</returns>
    [JsonRpcMethod("debug_traceTransaction", Description = "Traces a stored transaction (struct logs or callTracer).")]
    TraceResult TraceTransaction(Hash256 transactionHash, RpcCallContext context, TraceOptions? options = null);

    /// <summary>Executes a message as the caller with a tracer, committing nothing.</summary>
    /// <param name="transaction">The message; <c>from</c>, when given, must be the caller.</param>
    /// <param name="context">The call's context.</param>
    /// <param name="block">The block, as for <c>eth_call</c>.</param>
    /// <param name="options">The tracer and its options.</param>
    /// <returns>The trace.</returns>
    [JsonRpcMethod("debug_traceCall", Description = "Traces a message from the caller without committing it (struct logs or callTracer).")]
    TraceResult TraceCall(TransactionArgs transaction, RpcCallContext context, BlockParameter block = default, TraceOptions? options = null);
}
