using System.Diagnostics.CodeAnalysis;

namespace Nectar.Core.Transactions;

/// <summary>The outcome of decoding or validating a transaction: <see cref="TransactionError.None"/>, or an error and a message.</summary>
public readonly struct TransactionValidationResult : IEquatable<TransactionValidationResult>
{
    private TransactionValidationResult(TransactionError error, string? message)
    {
        Error = error;
        Message = message;
    }

    /// <summary>The successful outcome.</summary>
    public static TransactionValidationResult Valid => default;

    /// <summary>The rule that failed, or <see cref="TransactionError.None"/>.</summary>
    public TransactionError Error { get; }

    /// <summary>A description of the failure; <see langword="null"/> when valid.</summary>
    public string? Message { get; }

    /// <summary>Whether no rule failed.</summary>
    [MemberNotNullWhen(false, nameof(Message))]
    public bool IsValid => Error == TransactionError.None;

    /// <summary>Whether two outcomes have the same error and message.</summary>
    public static bool operator ==(TransactionValidationResult left, TransactionValidationResult right) => left.Equals(right);

    /// <summary>Whether two outcomes differ.</summary>
    public static bool operator !=(TransactionValidationResult left, TransactionValidationResult right) => !left.Equals(right);

    /// <summary>A failed outcome.</summary>
    /// <param name="error">The rule that failed; not <see cref="TransactionError.None"/>.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The outcome.</returns>
    public static TransactionValidationResult Invalid(TransactionError error, string message)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(error, TransactionError.None);
        ArgumentException.ThrowIfNullOrEmpty(message);
        return new TransactionValidationResult(error, message);
    }

    /// <inheritdoc />
    public bool Equals(TransactionValidationResult other) => Error == other.Error && string.Equals(Message, other.Message, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is TransactionValidationResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Error, Message);

    /// <summary>"Valid", or the error and its message.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => IsValid ? "Valid" : $"{Error}: {Message}";
}
