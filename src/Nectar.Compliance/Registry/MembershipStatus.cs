namespace Nectar.Compliance.Registry;

/// <summary>Where an account stands in the account registry, as the contract's <c>_effectiveRoles</c> decides it.</summary>
public enum MembershipStatus
{
    /// <summary>No member record: the account was never admitted.</summary>
    NotRegistered,

    /// <summary>A member record exists but is inactive (revoked), or holds no role.</summary>
    Revoked,

    /// <summary>An active member of an organization that is inactive (suspended or removed), so not admitted.</summary>
    OrganizationInactive,

    /// <summary>An active member of an active organization: admitted, its roles in force.</summary>
    Admitted,
}
