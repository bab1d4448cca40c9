using System.Text.Json;
using Nectar.Chain.Simulation;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Eth;

public sealed partial class EthRpcModule
{
    /// <inheritdoc />
    public byte[] Call(TransactionArgs transaction, RpcCallContext context, BlockParameter block = default, JsonElement? stateOverrides = null)
    {
        var caller = Caller(context);
        if (stateOverrides is { ValueKind: not JsonValueKind.Null })
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, EthErrors.StateOverridesUnsupported);
        }

        var request = CallArguments.ToRequest(transaction, caller, _authorizer, _simulator.ChainId);
        var target = SimulationTarget(block);
        SimulationResult result;
        try
        {
            result = _simulator.Call(request, target);
        }
        catch (SimulationException e)
        {
            throw CallArguments.ToRpcError(e);
        }

        return result.Success ? result.Output : throw CallArguments.ToRpcError(result);
    }

    /// <inheritdoc />
    public ulong EstimateGas(TransactionArgs transaction, RpcCallContext context, BlockParameter block = default)
    {
        var caller = Caller(context);
        var request = CallArguments.ToRequest(transaction, caller, _authorizer, _simulator.ChainId);
        var target = SimulationTarget(block);
        GasEstimate estimate;
        try
        {
            estimate = _simulator.EstimateGas(request, target);
        }
        catch (SimulationException e)
        {
            throw CallArguments.ToRpcError(e);
        }

        return estimate.IsSuccess ? estimate.Gas : throw CallArguments.ToRpcError(estimate.Revert!);
    }

    /// <inheritdoc />
    public AccessListResponse CreateAccessList(TransactionArgs transaction, RpcCallContext context, BlockParameter block = default)
    {
        var caller = Caller(context);
        var request = CallArguments.ToRequest(transaction, caller, _authorizer, _simulator.ChainId);
        var target = SimulationTarget(block);
        AccessListResult result;
        try
        {
            result = _simulator.CreateAccessList(request, target);
        }
        catch (SimulationException e)
        {
            throw CallArguments.ToRpcError(e);
        }

        return new AccessListResponse
        {
            AccessList = CallArguments.FromAccessList(result.AccessList),
            Error = result.Execution.ErrorMessage,
            GasUsed = result.Execution.GasUsed,
        };
    }

    /// <summary>
    /// Where a simulation runs: <c>latest</c> and <c>pending</c> (and an omitted block) in the context of the next block
    /// on the head's state, as anvil does; any other block in its own context on its own state, as go-ethereum does.
    /// </summary>
    internal SimulationBlock SimulationTarget(BlockParameter block) => block.Kind is BlockParameterKind.Latest or BlockParameterKind.Pending
        ? SimulationBlock.After(_chain.Head)
        : SimulationBlock.At(RequireHeader(block));
}
