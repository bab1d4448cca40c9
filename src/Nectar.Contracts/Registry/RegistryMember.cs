using Nectar.Core.Primitives;

namespace Nectar.Contracts.Registry;

/// <summary>A member record of the account registry.</summary>
/// <param name="Account">The account.</param>
/// <param name="OrganizationId">The organization it belongs to.</param>
/// <param name="Roles">Its roles.</param>
/// <param name="Active">Whether the membership is active (false once revoked).</param>
/// <param name="AdmittedAt">When it was admitted (a block timestamp, seconds).</param>
public readonly record struct RegistryMember(Address Account, ulong OrganizationId, AccountRoles Roles, bool Active = true, ulong AdmittedAt = 0)
{
    /// <summary>Whether the account is admitted: an active member of an organization that is active too.</summary>
    /// <param name="organizationActive">Whether <see cref="OrganizationId"/> is active.</param>
    /// <returns>The admission status.</returns>
    public bool IsAdmitted(bool organizationActive) => Active && organizationActive && Roles != AccountRoles.None;
}
