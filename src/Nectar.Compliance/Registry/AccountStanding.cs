using Nectar.Contracts.Registry;
using Nectar.Core.Primitives;

namespace Nectar.Compliance.Registry;

/// <summary>An account's standing in the registry: its status, its record, and the roles in force.</summary>
/// <param name="Account">The account.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Member">Its member record as stored (kept after revocation); <see langword="null"/> when it has none.</param>
public readonly record struct AccountStanding(Address Account, MembershipStatus Status, RegistryMember? Member)
{
    /// <summary>Whether the account is admitted (an active member of an active organization).</summary>
    public bool IsAdmitted => Status == MembershipStatus.Admitted;

    /// <summary>The roles in force: the record's roles while admitted, <see cref="AccountRoles.None"/> otherwise (the contract's <c>rolesOf</c>).</summary>
    public AccountRoles Roles => IsAdmitted ? Member!.Value.Roles : AccountRoles.None;

    /// <summary>Whether the account is admitted and holds every role in <paramref name="roles"/> (the contract's <c>hasRole</c>).</summary>
    /// <param name="roles">A non-empty role mask.</param>
    /// <returns><see langword="true"/> when all of them are in force.</returns>
    public bool HasRoles(AccountRoles roles) => roles != AccountRoles.None && (Roles & roles) == roles;
}
