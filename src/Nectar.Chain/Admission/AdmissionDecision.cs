using System.Diagnostics.CodeAnalysis;

namespace Nectar.Chain.Admission;

/// <summary>The answer of <see cref="ITransactionAdmission"/>: allowed, or refused with a reason.</summary>
public readonly struct AdmissionDecision : IEquatable<AdmissionDecision>
{
    private AdmissionDecision(string? reason) => Reason = reason;

    /// <summary>The sender may transact.</summary>
    public static AdmissionDecision Allowed => default;

    /// <summary>Why the sender may not transact; <see langword="null"/> when allowed.</summary>
    /// <remarks>It reaches the sender in the error message, so it must not reveal anything about other accounts.</remarks>
    public string? Reason { get; }

    /// <summary>Whether the sender may transact.</summary>
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsAllowed => Reason is null;

    /// <summary>Whether two decisions are equal.</summary>
    public static bool operator ==(AdmissionDecision left, AdmissionDecision right) => left.Equals(right);

    /// <summary>Whether two decisions differ.</summary>
    public static bool operator !=(AdmissionDecision left, AdmissionDecision right) => !left.Equals(right);

    /// <summary>A refusal.</summary>
    /// <param name="reason">Why, in a few lowercase words ("account suspended"); it is appended to the pool's message.</param>
    /// <returns>The decision.</returns>
    public static AdmissionDecision Refused(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new AdmissionDecision(reason);
    }

    /// <inheritdoc />
    public bool Equals(AdmissionDecision other) => string.Equals(Reason, other.Reason, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is AdmissionDecision other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Reason is null ? 0 : StringComparer.Ordinal.GetHashCode(Reason);

    /// <summary>"allowed", or "refused: " and the reason.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => IsAllowed ? "allowed" : "refused: " + Reason;
}
