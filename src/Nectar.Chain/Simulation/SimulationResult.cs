using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Evm;
using Nectar.Evm.Tracing;

namespace Nectar.Chain.Simulation;

/// <summary>The outcome of a simulated message: what it returned or reverted with, the gas it used and its logs.</summary>
public sealed class SimulationResult
{
    internal SimulationResult(TransactionResult executed, ulong gasLimit)
    {
        Error = executed.Error;
        Output = executed.Output;
        GasUsed = (ulong)executed.GasUsed;
        GasRefunded = (ulong)executed.GasRefunded;
        Logs = executed.Logs;
        ContractAddress = executed.ContractAddress;
        GasLimit = gasLimit;
    }

    /// <summary>Why the top frame failed, <see cref="EvmError.Revert"/>, or <see cref="EvmError.None"/>.</summary>
    public EvmError Error { get; }

    /// <summary>Whether the message succeeded.</summary>
    public bool Success => Error == EvmError.None;

    /// <summary>Whether the message reverted (REVERT, as opposed to an exceptional halt).</summary>
    public bool Reverted => Error == EvmError.Revert;

    /// <summary>The return data, or the revert data; for a creation, the deployed code.</summary>
    public byte[] Output { get; }

    /// <summary>The gas used after refunds, as a receipt would show it.</summary>
    public ulong GasUsed { get; }

    /// <summary>The gas refunded by the refund counter.</summary>
    public ulong GasRefunded { get; }

    /// <summary>The gas limit the message ran with.</summary>
    public ulong GasLimit { get; }

    /// <summary>The logs (empty unless it succeeded).</summary>
    public IReadOnlyList<LogEntry> Logs { get; }

    /// <summary>For a creation, the contract's address.</summary>
    public Address? ContractAddress { get; }

    /// <summary>go-ethereum's text for the failure (<c>execution reverted</c>, <c>out of gas</c>, ...); null on success.</summary>
    public string? ErrorMessage => ErrorMessages.Describe(Error);

    /// <summary>The <c>Error(string)</c> reason of a revert, when the revert data carries one.</summary>
    public string? RevertReason => Reverted ? global::Nectar.Chain.Simulation.RevertReason.Decode(Output) : null;
}
