using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Core.Transactions;

namespace Nectar.Evm;

/// <summary>
/// The outcome of a transaction: either a rejection (nothing changed), or an execution with what the receipt
/// needs (status, gas used, logs, contract address) and the output.
/// </summary>
public sealed class TransactionResult
{
    private TransactionResult()
    {
    }

    /// <summary>Why the transaction was rejected, or <see cref="TransactionRejection.None"/> when it executed.</summary>
    public TransactionRejection Rejection { get; private init; }

    /// <summary>For <see cref="TransactionRejection.InvalidTransaction"/>, the stateless rule that failed.</summary>
    public TransactionError ValidationError { get; private init; }

    /// <summary>A human-readable reason for a rejection.</summary>
    public string? Message { get; private init; }

    /// <summary>Whether the transaction was executed (and belongs in the block).</summary>
    public bool IsExecuted => Rejection == TransactionRejection.None;

    /// <summary>The receipt status: whether the top frame succeeded.</summary>
    public bool Success => IsExecuted && Error == EvmError.None;

    /// <summary>Why the top frame failed (or <see cref="EvmError.Revert"/>), or <see cref="EvmError.None"/>.</summary>
    public EvmError Error { get; private init; }

    /// <summary>Gas used after refunds (and, from Prague, at least the calldata floor).</summary>
    public long GasUsed { get; private init; }

    /// <summary>Gas refunded by the refund counter.</summary>
    public long GasRefunded { get; private init; }

    /// <summary>The logs, empty when the top frame failed.</summary>
    public IReadOnlyList<LogEntry> Logs { get; private init; } = [];

    /// <summary>The created contract's address, for a creation.</summary>
    public Address? ContractAddress { get; private init; }

    /// <summary>The top frame's output (return or revert data; the deployed code for a creation).</summary>
    public byte[] Output { get; private init; } = [];

    /// <summary>A rejection.</summary>
    /// <param name="rejection">Why.</param>
    /// <param name="message">The details.</param>
    /// <param name="validationError">For a stateless failure, which rule.</param>
    /// <returns>The result.</returns>
    public static TransactionResult Rejected(TransactionRejection rejection, string message, TransactionError validationError = TransactionError.None) =>
        new() { Rejection = rejection, Message = message, ValidationError = validationError };

    /// <summary>An executed transaction.</summary>
    /// <param name="error">The top frame's error, or <see cref="EvmError.None"/>.</param>
    /// <param name="gasUsed">Gas used.</param>
    /// <param name="gasRefunded">Gas refunded.</param>
    /// <param name="logs">The logs.</param>
    /// <param name="contractAddress">The created contract, for a creation.</param>
    /// <param name="output">The output.</param>
    /// <returns>The result.</returns>
    public static TransactionResult Executed(EvmError error, long gasUsed, long gasRefunded, IReadOnlyList<LogEntry> logs, Address? contractAddress, byte[] output) =>
        new() { Error = error, GasUsed = gasUsed, GasRefunded = gasRefunded, Logs = logs, ContractAddress = contractAddress, Output = output };

    /// <inheritdoc />
    public override string ToString() => IsExecuted ? $"{(Success ? "success" : Error.ToString())}, gas used {GasUsed}" : $"rejected: {Rejection} {Message}";
}
