using System.Text;
using Nectar.Contracts.Storage;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Registry;

/// <summary>
/// Builds the genesis state of the account registry: it is predeployed and no constructor runs, so its
/// organizations and members are written straight into storage, slot by slot, as the contract lays them out.
/// </summary>
public static class AccountRegistryGenesis
{
    /// <summary>The longest organization name in UTF-8 bytes (<c>MAX_NAME_LENGTH</c>).</summary>
    public const int MaxNameLength = 128;

    /// <summary>Where the registry lives: <see cref="SystemContracts.AccountRegistry"/>.</summary>
    public static Address Address => SystemContracts.AccountRegistry;

    /// <summary>The registry's runtime code (the deployed bytecode of the artifact).</summary>
    public static ReadOnlyMemory<byte> Code => ContractArtifacts.AccountRegistry.DeployedBytecode;

    /// <summary>Whether a role set is one the contract accepts: non-empty, only known bits, not Auditor and Authorizer together.</summary>
    /// <param name="roles">The roles.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidRoleSet(AccountRoles roles) =>
        roles != AccountRoles.None
        && (roles & ~AccountRoles.All) == AccountRoles.None
        && (roles & (AccountRoles.Auditor | AccountRoles.Authorizer)) != (AccountRoles.Auditor | AccountRoles.Authorizer);

    /// <summary>
    /// Computes the storage of a registry holding <paramref name="organizations"/> and <paramref name="members"/>,
    /// after checking them against the rules the contract enforces.
    /// </summary>
    /// <param name="organizations">The organizations, with ids 1, 2, 3, … in this order.</param>
    /// <param name="members">The members, one per account.</param>
    /// <returns>The non-zero storage entries, ordered by slot.</returns>
    /// <exception cref="ArgumentException">
    /// Ids are not consecutive from 1, a name is empty or too long, an account is zero or repeated, a member names
    /// an unknown organization or holds an invalid role set, or no admitted governor remains to manage the registry.
    /// </exception>
    public static IReadOnlyList<StorageEntry> ComputeStorage(IReadOnlyList<RegistryOrganization> organizations, IReadOnlyList<RegistryMember> members)
    {
        Validate(organizations, members);
        var entries = new List<StorageEntry>();
        Add(entries, AccountRegistryStorage.OrganizationCountSlot, (ulong)organizations.Count);
        foreach (var organization in organizations)
        {
            Add(entries, AccountRegistryStorage.OrganizationSlot(organization.Id), AccountRegistryStorage.EncodeOrganizationHeader(organization.Active, organization.CreatedAt));
            StorageSlots.AppendBytes(AccountRegistryStorage.OrganizationNameSlot(organization.Id), Encoding.UTF8.GetBytes(organization.Name), entries);
        }

        foreach (var member in members)
        {
            Add(entries, AccountRegistryStorage.MemberSlot(member.Account), AccountRegistryStorage.EncodeMember(member));
        }

        entries.RemoveAll(static e => e.Value.IsZero);
        entries.Sort(static (a, b) => UInt256.Compare(a.Slot, b.Slot));
        return entries;
    }

    /// <summary>Checks organizations and members against the rules the contract enforces.</summary>
    /// <param name="organizations">The organizations, with ids 1, 2, 3, … in this order.</param>
    /// <param name="members">The members, one per account.</param>
    /// <exception cref="ArgumentException">A rule is broken; the message says which record and why.</exception>
    public static void Validate(IReadOnlyList<RegistryOrganization> organizations, IReadOnlyList<RegistryMember> members)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(members);
        for (var i = 0; i < organizations.Count; i++)
        {
            var organization = organizations[i] ?? throw new ArgumentException($"Organization {i} is null.", nameof(organizations));
            if (organization.Id != (ulong)i + 1)
            {
                throw new ArgumentException($"Organization ids run 1, 2, 3, … in order; position {i} has id {organization.Id}.", nameof(organizations));
            }

            var nameLength = Encoding.UTF8.GetByteCount(organization.Name ?? string.Empty);
            if (nameLength is 0 or > MaxNameLength)
            {
                throw new ArgumentException($"Organization {organization.Id} needs a name of 1 to {MaxNameLength} UTF-8 bytes, has {nameLength}.", nameof(organizations));
            }
        }

        var accounts = new HashSet<Address>();
        var governors = 0;
        foreach (var member in members)
        {
            if (member.Account.IsZero)
            {
                throw new ArgumentException("The zero address cannot be a member.", nameof(members));
            }

            if (!accounts.Add(member.Account))
            {
                throw new ArgumentException($"Account {member.Account} is listed twice.", nameof(members));
            }

            if (member.OrganizationId == 0 || member.OrganizationId > (ulong)organizations.Count)
            {
                throw new ArgumentException($"Member {member.Account} names organization {member.OrganizationId}, which does not exist.", nameof(members));
            }

            if (!IsValidRoleSet(member.Roles))
            {
                throw new ArgumentException($"Member {member.Account} has the invalid role set {member.Roles}.", nameof(members));
            }

            if ((member.Roles & AccountRoles.Governor) != 0 && member.IsAdmitted(organizations[(int)member.OrganizationId - 1].Active))
            {
                governors++;
            }
        }

        if (governors == 0)
        {
            // The registry's only way to admit anyone is through a governor; without one it could never change.
            throw new ArgumentException("The registry needs at least one admitted governor (an active member with the Governor role in an active organization).", nameof(members));
        }
    }

    private static void Add(List<StorageEntry> entries, UInt256 slot, UInt256 value) => entries.Add(new StorageEntry(slot, value));
}
