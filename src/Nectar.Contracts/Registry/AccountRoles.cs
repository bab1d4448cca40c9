namespace Nectar.Contracts.Registry;

/// <summary>The role bits of the account registry (the <c>ROLE_*</c> constants of <c>AccountRegistry.sol</c>).</summary>
[Flags]
public enum AccountRoles : uint
{
    /// <summary>No role.</summary>
    None = 0,

    /// <summary>May use the network: send transactions and read what its policies allow.</summary>
    User = 1 << 0,

    /// <summary>Admits, changes and revokes the users and node operators of its own organization.</summary>
    OrganizationAdmin = 1 << 1,

    /// <summary>A DSP Auditor; never together with <see cref="Authorizer"/> on one account.</summary>
    Auditor = 1 << 2,

    /// <summary>Operates a node of its organization.</summary>
    NodeOperator = 1 << 3,

    /// <summary>A DSP Authorizer; never together with <see cref="Auditor"/> on one account.</summary>
    Authorizer = 1 << 4,

    /// <summary>Registers organizations, appoints organization admins, grants any role.</summary>
    Governor = 1 << 5,

    /// <summary>Every role the registry knows (<c>ALL_ROLES</c>).</summary>
    All = User | OrganizationAdmin | Auditor | NodeOperator | Authorizer | Governor,

    /// <summary>The roles an organization admin may grant, change or revoke (<c>ORG_ADMIN_GRANTABLE</c>).</summary>
    OrganizationAdminGrantable = User | NodeOperator,
}
