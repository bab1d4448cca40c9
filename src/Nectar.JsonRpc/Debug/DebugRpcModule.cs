using Nectar.Chain.Reading;
using Nectar.Chain.Simulation;
using Nectar.Core.Primitives;
using Nectar.Evm.Tracing;
using Nectar.JsonRpc.Eth;
using Nectar.JsonRpc.Json;
using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Debug;

/// <summary>
/// The implementation of <see cref="IDebugRpcModule"/>. A trace shows raw execution (stack, memory, storage), so it
/// needs <see cref="IReadAuthorizer.CanReadRawState"/> (auditors and node operators, who trace any transaction to run
/// and review the network). A denied trace is answered as a missing one: "transaction not found" for a transaction,
/// "header not found" for a call.
/// </summary>
public sealed class DebugRpcModule : IDebugRpcModule
{
    private const string CallTracerName = "callTracer";
    private const string StructLoggerName = "structLogger";

    private readonly IChainReader _chain;
    private readonly CallSimulator _simulator;
    private readonly IReadAuthorizer _authorizer;
    private readonly DebugRpcOptions _options;

    /// <summary>Creates the module.</summary>
    /// <param name="chain">Blocks and transactions.</param>
    /// <param name="simulator">Re-executes transactions and runs calls.</param>
    /// <param name="authorizer">Decides every trace.</param>
    /// <param name="options">Settings; <see cref="DebugRpcOptions.Default"/> when omitted.</param>
    public DebugRpcModule(IChainReader chain, CallSimulator simulator, IReadAuthorizer authorizer, DebugRpcOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(authorizer);
        _chain = chain;
        _simulator = simulator;
        _authorizer = authorizer;
        _options = options ?? DebugRpcOptions.Default;
    }

    /// <inheritdoc />
    public TraceResult TraceTransaction(Hash256 transactionHash, RpcCallContext context, TraceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.RequirePrincipal().ToReadCaller();
        var tracer = CreateTracer(options);
        if (!CanTrace(transactionHash, caller))
        {
            throw new RpcException(RpcErrorCodes.ServerError, EthErrors.TransactionNotFound);
        }

        try
        {
            var result = _simulator.TraceTransaction(transactionHash, tracer)
                ?? throw new RpcException(RpcErrorCodes.ServerError, EthErrors.TransactionNotFound);
            return Finish(tracer, result.Error, options);
        }
        catch (SimulationException e)
        {
            throw CallArguments.ToRpcError(e);
        }
    }

    /// <inheritdoc />
    public TraceResult TraceCall(TransactionArgs transaction, RpcCallContext context, BlockParameter block = default, TraceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.RequirePrincipal().ToReadCaller();
        var tracer = CreateTracer(options);
        if (options is not null && (options.StateOverrides is { ValueKind: not System.Text.Json.JsonValueKind.Null } || options.BlockOverrides is { ValueKind: not System.Text.Json.JsonValueKind.Null }))
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, EthErrors.StateOverridesUnsupported);
        }

        var request = CallArguments.ToRequest(transaction, caller, _authorizer, _simulator.ChainId);
        if (!_authorizer.CanReadRawState(caller))
        {
            throw new RpcException(RpcErrorCodes.ServerError, EthErrors.HeaderNotFound);
        }

        try
        {
            var result = _simulator.Call(request, Target(block), tracer);
            return Finish(tracer, result.Error, options);
        }
        catch (SimulationException e)
        {
            throw CallArguments.ToRpcError(e);
        }
    }

    private bool CanTrace(in Hash256 transactionHash, in ReadCaller caller) =>
        _authorizer.CanReadRawState(caller)
        && _chain.FindTransaction(transactionHash) is { } location
        && _chain.FindBlock(location.BlockHash) is { } block
        && _chain.FindSenders(block.Hash) is not null
        && location.Index < block.Transactions.Length;

    private ITxTracer CreateTracer(TraceOptions? options)
    {
        var name = options?.Tracer;
        if (string.IsNullOrEmpty(name) || string.Equals(name, StructLoggerName, StringComparison.Ordinal))
        {
            var limit = options is { Limit: > 0 } ? Math.Min(options.Limit, _options.MaxStructLogs) : _options.MaxStructLogs;
            return new StructLogTracer(new StructLogOptions
            {
                DisableStack = options?.DisableStack ?? false,
                EnableMemory = options?.EnableMemory ?? false,
                DisableStorage = options?.DisableStorage ?? false,
                EnableReturnData = options?.EnableReturnData ?? false,
                Limit = limit,
            });
        }

        return string.Equals(name, CallTracerName, StringComparison.Ordinal)
            ? new CallTracer()
            : throw new RpcException(RpcErrorCodes.ServerError, $"tracer not found: {name}");
    }

    private static TraceResult Finish(ITxTracer tracer, Evm.EvmError error, TraceOptions? options) => tracer switch
    {
        CallTracer calls => TraceResult.FromCalls(calls.Root ?? throw new InvalidOperationException("The call tracer saw no frame."), options?.TracerConfig?.OnlyTopCall ?? false),
        StructLogTracer logs => TraceResult.FromStructLogs(logs.Result, error),
        _ => throw new InvalidOperationException("Unknown tracer."),
    };

    private SimulationBlock Target(BlockParameter block)
    {
        if (block.Kind is BlockParameterKind.Latest or BlockParameterKind.Pending)
        {
            return SimulationBlock.After(_chain.Head);
        }

        var header = block.Kind switch
        {
            BlockParameterKind.Safe => _chain.Safe,
            BlockParameterKind.Finalized => _chain.Finalized,
            BlockParameterKind.Earliest => _chain.FindHeader(0UL),
            BlockParameterKind.Number => _chain.FindHeader(block.Number),
            _ => _chain.FindHeader(block.Hash) is { } byHash && _chain.FindHeader(byHash.Number)?.Hash == byHash.Hash ? byHash : null,
        };
        return header is not null ? SimulationBlock.At(header) : throw new RpcException(RpcErrorCodes.ServerError, EthErrors.HeaderNotFound);
    }
}
