using System.Diagnostics.CodeAnalysis;
using Nectar.Core.Primitives;

namespace Nectar.Chain.TxPool;

/// <summary>The outcome of one submission: accepted with the transaction's hash, or refused with an error and a message.</summary>
public readonly struct TxPoolResult : IEquatable<TxPoolResult>
{
    private TxPoolResult(TxPoolError error, string? message, Hash256 hash)
    {
        Error = error;
        Message = message;
        Hash = hash;
    }

    /// <summary>Why the transaction was refused, or <see cref="TxPoolError.None"/>.</summary>
    public TxPoolError Error { get; }

    /// <summary>The message for the sender (go-ethereum's text where it has one); <see langword="null"/> when accepted.</summary>
    public string? Message { get; }

    /// <summary>The transaction hash; zero when the bytes did not decode.</summary>
    public Hash256 Hash { get; }

    /// <summary>Whether the transaction is now in the pool.</summary>
    [MemberNotNullWhen(false, nameof(Message))]
    public bool IsAccepted => Error == TxPoolError.None;

    /// <summary>The JSON-RPC error code for the refusal (see <see cref="TxPoolErrorCodes"/>); 0 when accepted.</summary>
    public int RpcErrorCode => Error switch
    {
        TxPoolError.None => 0,
        TxPoolError.SenderNotAdmitted => TxPoolErrorCodes.SenderNotAdmitted,
        _ => TxPoolErrorCodes.ServerError,
    };

    /// <summary>Whether two results are equal.</summary>
    public static bool operator ==(TxPoolResult left, TxPoolResult right) => left.Equals(right);

    /// <summary>Whether two results differ.</summary>
    public static bool operator !=(TxPoolResult left, TxPoolResult right) => !left.Equals(right);

    /// <summary>An acceptance.</summary>
    /// <param name="hash">The transaction hash.</param>
    /// <returns>The result.</returns>
    public static TxPoolResult Accepted(Hash256 hash) => new(TxPoolError.None, null, hash);

    /// <summary>A refusal.</summary>
    /// <param name="error">The reason; not <see cref="TxPoolError.None"/>.</param>
    /// <param name="message">The message for the sender.</param>
    /// <param name="hash">The transaction hash, or zero when unknown.</param>
    /// <returns>The result.</returns>
    public static TxPoolResult Refused(TxPoolError error, string message, Hash256 hash = default)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(error, TxPoolError.None);
        ArgumentException.ThrowIfNullOrEmpty(message);
        return new TxPoolResult(error, message, hash);
    }

    /// <inheritdoc />
    public bool Equals(TxPoolResult other) =>
        Error == other.Error && Hash == other.Hash && string.Equals(Message, other.Message, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is TxPoolResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Error, Hash, Message is null ? 0 : StringComparer.Ordinal.GetHashCode(Message));

    /// <summary>"accepted" and the hash, or the error and its message.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => IsAccepted ? $"accepted {Hash}" : $"{Error}: {Message}";
}
