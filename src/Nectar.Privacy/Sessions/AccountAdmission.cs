namespace Nectar.Privacy.Sessions;

/// <summary>An account's standing as <see cref="IAccountAdmission"/> reports it: admitted or not, and its roles.</summary>
public readonly struct AccountAdmission : IEquatable<AccountAdmission>
{
    private readonly IReadOnlyList<string>? _roles;

    private AccountAdmission(bool isAdmitted, IReadOnlyList<string>? roles)
    {
        IsAdmitted = isAdmitted;
        _roles = roles;
    }

    /// <summary>An account that may not use the node (unknown, pending, suspended or removed).</summary>
    public static AccountAdmission NotAdmitted => default;

    /// <summary>Whether the account may sign in and keep its sessions.</summary>
    public bool IsAdmitted { get; }

    /// <summary>The account's roles (names defined by the registry, e.g. <c>dsp</c>, <c>auditor</c>); empty when not admitted.</summary>
    public IReadOnlyList<string> Roles => _roles ?? [];

    /// <summary>An admitted account with the given roles.</summary>
    /// <param name="roles">The account's roles; copied.</param>
    /// <returns>The admission.</returns>
    public static AccountAdmission Admitted(params IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return new AccountAdmission(true, [.. roles]);
    }

    /// <inheritdoc />
    public bool Equals(AccountAdmission other) => IsAdmitted == other.IsAdmitted && Roles.SequenceEqual(other.Roles, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AccountAdmission other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(IsAdmitted, Roles.Count);

    /// <summary>Whether two admissions agree on standing and roles.</summary>
    public static bool operator ==(AccountAdmission left, AccountAdmission right) => left.Equals(right);

    /// <summary>Whether two admissions differ in standing or roles.</summary>
    public static bool operator !=(AccountAdmission left, AccountAdmission right) => !left.Equals(right);
}
