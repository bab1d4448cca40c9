using Nectar.Chain.Execution;

namespace Nectar.Chain.Validation;

/// <summary>The verdict on a block: valid with its execution, or the first rule it breaks.</summary>
public sealed class BlockValidationResult
{
    private BlockValidationResult()
    {
    }

    /// <summary>Whether the block is valid.</summary>
    public bool IsValid => Error == BlockError.None;

    /// <summary>The rule broken, or <see cref="BlockError.None"/>.</summary>
    public BlockError Error { get; private init; }

    /// <summary>What is wrong, with the expected and found values; <see langword="null"/> when valid.</summary>
    public string? Message { get; private init; }

    /// <summary>The offending transaction's index, when a transaction is at fault.</summary>
    public int? TransactionIndex { get; private init; }

    /// <summary>The execution of a valid block (receipts, roots); <see langword="null"/> for header-only checks and invalid blocks.</summary>
    public BlockExecutionResult? Execution { get; private init; }

    /// <summary>A valid verdict.</summary>
    /// <param name="execution">The block's execution, when it was executed.</param>
    /// <returns>The result.</returns>
    public static BlockValidationResult Valid(BlockExecutionResult? execution = null) => new() { Execution = execution };

    /// <summary>An invalid verdict.</summary>
    /// <param name="error">The rule broken; not <see cref="BlockError.None"/>.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="transactionIndex">The offending transaction's index, when a transaction is at fault.</param>
    /// <returns>The result.</returns>
    public static BlockValidationResult Invalid(BlockError error, string message, int? transactionIndex = null)
    {
        if (error == BlockError.None)
        {
            throw new ArgumentOutOfRangeException(nameof(error), "An invalid verdict needs an error.");
        }

        return new() { Error = error, Message = message, TransactionIndex = transactionIndex };
    }

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : $"{Error}: {Message}";
}
