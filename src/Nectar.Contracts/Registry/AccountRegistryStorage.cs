using Nectar.Contracts.Storage;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Registry;

/// <summary>
/// The storage layout of <c>AccountRegistry.sol</c>: slots of its variables, the packing of its structs, and
/// the encoding of its records, so genesis can write them and readers can decode them without running the EVM.
/// </summary>
/// <remarks>
/// <code>
/// slot 0   organizationCount  uint64 @0
/// slot 1   _organizations     mapping(uint64 => Organization)   entry at keccak256(pad32(id) . pad32(1))
///            +0  active @0 (bool), createdAt @1 (uint64)
///            +1  name (string)
/// slot 2   _members           mapping(address => Member)        entry at keccak256(pad32(account) . pad32(2))
///            +0  orgId @0 (uint64), roles @8 (uint32), active @12 (bool), admittedAt @13 (uint64)
/// </code>
/// Offsets are bytes from the least significant end of the slot. A test checks every number here against the
/// compiler's storage layout in the artifact, so a change to the contract that moves storage fails it.
/// </remarks>
public static class AccountRegistryStorage
{
    /// <summary>Slot of <c>organizationCount</c>.</summary>
    public const ulong OrganizationCountSlot = 0;

    /// <summary>Slot of the <c>_organizations</c> mapping.</summary>
    public const ulong OrganizationsSlot = 1;

    /// <summary>Slot of the <c>_members</c> mapping.</summary>
    public const ulong MembersSlot = 2;

    /// <summary>Byte offset of <c>Organization.active</c> in the entry's first slot.</summary>
    public const int OrganizationActiveOffset = 0;

    /// <summary>Byte offset of <c>Organization.createdAt</c> in the entry's first slot.</summary>
    public const int OrganizationCreatedAtOffset = 1;

    /// <summary>Slot of <c>Organization.name</c> relative to the entry's base slot.</summary>
    public const int OrganizationNameSlotOffset = 1;

    /// <summary>Byte offset of <c>Member.orgId</c>.</summary>
    public const int MemberOrganizationIdOffset = 0;

    /// <summary>Byte offset of <c>Member.roles</c>.</summary>
    public const int MemberRolesOffset = 8;

    /// <summary>Byte offset of <c>Member.active</c>.</summary>
    public const int MemberActiveOffset = 12;

    /// <summary>Byte offset of <c>Member.admittedAt</c>.</summary>
    public const int MemberAdmittedAtOffset = 13;

    /// <summary>The base slot of an organization's entry.</summary>
    /// <param name="organizationId">The organization id.</param>
    /// <returns><c>keccak256(pad32(id) . pad32(1))</c>.</returns>
    public static UInt256 OrganizationSlot(ulong organizationId) => StorageSlots.MappingSlot(new UInt256(organizationId), OrganizationsSlot);

    /// <summary>The slot of an organization's name.</summary>
    /// <param name="organizationId">The organization id.</param>
    /// <returns>The entry's base slot + 1.</returns>
    public static UInt256 OrganizationNameSlot(ulong organizationId) => OrganizationSlot(organizationId) + (UInt256)(ulong)OrganizationNameSlotOffset;

    /// <summary>The slot of an account's member record.</summary>
    /// <param name="account">The account.</param>
    /// <returns><c>keccak256(pad32(account) . pad32(2))</c>.</returns>
    public static UInt256 MemberSlot(Address account) => StorageSlots.MappingSlot(account, MembersSlot);

    /// <summary>The word of a member record.</summary>
    /// <param name="member">The record.</param>
    /// <returns>orgId, roles, active and admittedAt packed as the compiler packs them.</returns>
    public static UInt256 EncodeMember(in RegistryMember member)
    {
        var word = StorageSlots.Pack(UInt256.Zero, member.OrganizationId, MemberOrganizationIdOffset, 8);
        word = StorageSlots.Pack(word, (ulong)member.Roles, MemberRolesOffset, 4);
        word = StorageSlots.Pack(word, member.Active ? UInt256.One : UInt256.Zero, MemberActiveOffset, 1);
        return StorageSlots.Pack(word, member.AdmittedAt, MemberAdmittedAtOffset, 8);
    }

    /// <summary>Reads a member record from its word.</summary>
    /// <param name="account">The account whose slot the word came from.</param>
    /// <param name="word">The word at <see cref="MemberSlot"/>.</param>
    /// <returns>The record; all zero for an account never admitted.</returns>
    public static RegistryMember DecodeMember(Address account, in UInt256 word) => new(
        account,
        (ulong)StorageSlots.Unpack(word, MemberOrganizationIdOffset, 8),
        (AccountRoles)(uint)(ulong)StorageSlots.Unpack(word, MemberRolesOffset, 4),
        !StorageSlots.Unpack(word, MemberActiveOffset, 1).IsZero,
        (ulong)StorageSlots.Unpack(word, MemberAdmittedAtOffset, 8));

    /// <summary>The first word of an organization's entry.</summary>
    /// <param name="active">Whether it is active.</param>
    /// <param name="createdAt">When it was registered.</param>
    /// <returns>active and createdAt packed as the compiler packs them.</returns>
    public static UInt256 EncodeOrganizationHeader(bool active, ulong createdAt)
    {
        var word = StorageSlots.Pack(UInt256.Zero, active ? UInt256.One : UInt256.Zero, OrganizationActiveOffset, 1);
        return StorageSlots.Pack(word, createdAt, OrganizationCreatedAtOffset, 8);
    }

    /// <summary>Reads the first word of an organization's entry.</summary>
    /// <param name="word">The word at <see cref="OrganizationSlot"/>.</param>
    /// <param name="active">Whether it is active.</param>
    /// <param name="createdAt">When it was registered.</param>
    public static void DecodeOrganizationHeader(in UInt256 word, out bool active, out ulong createdAt)
    {
        active = !StorageSlots.Unpack(word, OrganizationActiveOffset, 1).IsZero;
        createdAt = (ulong)StorageSlots.Unpack(word, OrganizationCreatedAtOffset, 8);
    }
}
