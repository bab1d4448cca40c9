using System.Globalization;
using Nectar.Core.Numerics;
using Nectar.Core.Transactions;
using Nectar.Evm;

namespace Nectar.Chain.Simulation;

public sealed partial class CallSimulator
{
    /// <summary>Gas a CALL with value must keep for its callee (the stipend), part of the optimistic first guess.</summary>
    private const ulong CallStipend = 2_300;

    /// <summary>
    /// The least gas limit with which the message succeeds: a binary search between the message's minimum (intrinsic
    /// gas, the calldata floor) and the cap (the request's gas, the block gas limit, the simulator's cap and, for a
    /// priced message, what the sender's balance can buy), starting from the gas a run at the cap used.
    /// </summary>
    /// <param name="request">The message; its <see cref="CallRequest.Gas"/>, when given, is the upper bound.</param>
    /// <param name="block">Where it runs.</param>
    /// <returns>The estimate, or the revert no gas limit avoids.</returns>
    /// <exception cref="SimulationException">
    /// The message cannot run, runs out of gas at the cap (<see cref="SimulationError.GasExceedsAllowance"/>), or fails
    /// at the cap for another reason (<see cref="SimulationError.ExecutionFailed"/>).
    /// </exception>
    public GasEstimate EstimateGas(CallRequest request, SimulationBlock block)
    {
        ArgumentNullException.ThrowIfNull(request);
        var environment = Prepare(block);
        var high = request.Gas is { } requested ? Math.Min(requested, environment.GasCap) : environment.GasCap;
        high = Math.Min(high, Allowance(environment, request));

        var minimum = MinimumGas(request, environment.Spec);

        // A plain transfer to an account without code costs exactly its intrinsic gas: no search needed.
        if (request.To is { } to && request.Data.IsEmpty && request.AuthorizationList.IsDefaultOrEmpty && high >= minimum
            && (!environment.State.TryGetAccount(to, out var recipient) || !recipient.HasCode))
        {
            var transfer = Execute(environment, request, minimum, null);
            if (transfer.IsExecuted && transfer.Success)
            {
                return GasEstimate.Found(minimum);
            }
        }

        var atCap = Execute(environment, request, high, null);
        if (!atCap.IsExecuted)
        {
            if (atCap.ValidationError is TransactionError.IntrinsicGasTooLow or TransactionError.GasLimitBelowCalldataFloor)
            {
                throw ExceedsAllowance(high);
            }

            throw Rejection(atCap, request, high, environment);
        }

        if (!atCap.Success)
        {
            return atCap.Error switch
            {
                EvmError.Revert => GasEstimate.Reverted(new SimulationResult(atCap, high)),
                EvmError.OutOfGas => throw ExceedsAllowance(high),
                _ => throw new SimulationException(SimulationError.ExecutionFailed, new SimulationResult(atCap, high).ErrorMessage ?? "execution failed"),
            };
        }

        // Below the gas used after refunds nothing can succeed: the limit must cover the gas consumed before them.
        var low = Math.Max(minimum, (ulong)atCap.GasUsed) - 1;

        // Most messages need only what they used plus their refund and a call stipend, with 1/64 kept back by each call:
        // trying that first usually settles the search in one or two more runs.
        var optimistic = ((ulong)atCap.GasUsed + (ulong)atCap.GasRefunded + CallStipend) * 64 / 63;
        if (optimistic > low && optimistic < high)
        {
            if (Succeeds(environment, request, optimistic))
            {
                high = optimistic;
            }
            else
            {
                low = optimistic;
            }
        }

        while (low + 1 < high)
        {
            var middle = low + ((high - low) / 2);
            if (Succeeds(environment, request, middle))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return GasEstimate.Found(high);
    }

    private bool Succeeds(SimulationEnvironment environment, CallRequest request, ulong gas)
    {
        var result = Execute(environment, request, gas, null);
        return result.IsExecuted && result.Success;
    }

    /// <summary>For a priced message, the most gas the sender's balance buys after the value; unlimited otherwise.</summary>
    private static ulong Allowance(SimulationEnvironment environment, CallRequest request)
    {
        var feeCap = request.GasPrice ?? request.MaxFeePerGas ?? UInt256.Zero;
        if (feeCap.IsZero)
        {
            return ulong.MaxValue;
        }

        var balance = environment.State.TryGetAccount(request.From, out var account) ? account.Balance : UInt256.Zero;
        if (request.Value > balance)
        {
            throw new SimulationException(SimulationError.Rejected, "insufficient funds for transfer");
        }

        var gas = (balance - request.Value) / feeCap;
        return gas.IsUInt64 ? gas.U0 : ulong.MaxValue;
    }

    private static SimulationException ExceedsAllowance(ulong gas) =>
        new(SimulationError.GasExceedsAllowance, string.Create(CultureInfo.InvariantCulture, $"gas required exceeds allowance ({gas})"));
}
