using Nectar.Contracts.Registry;
using Nectar.Contracts.Storage;

namespace Nectar.Contracts.Tests.Registry;

/// <summary>
/// Pins the registry's storage layout: every number the genesis helper and storage readers rely on is checked
/// against the layout the compiler reports, so a contract change that moves storage fails here.
/// </summary>
public sealed class AccountRegistryLayoutTests
{
    private static readonly StorageLayout Layout = ContractArtifacts.AccountRegistry.StorageLayout;

    [Fact]
    public void State_variables_sit_in_the_documented_slots()
    {
        Assert.Equal(["organizationCount", "_organizations", "_members"], Layout.Variables.Select(v => v.Label));
        AssertVariable(Layout.GetVariable("organizationCount"), AccountRegistryStorage.OrganizationCountSlot, 0, "uint64");
        AssertMapping(Layout.GetVariable("_organizations"), AccountRegistryStorage.OrganizationsSlot, "uint64", "struct AccountRegistry.Organization");
        AssertMapping(Layout.GetVariable("_members"), AccountRegistryStorage.MembersSlot, "address", "struct AccountRegistry.Member");
    }

    [Fact]
    public void Organization_fields_are_packed_as_documented()
    {
        var organization = ValueType(Layout.GetVariable("_organizations"));

        Assert.Equal(StorageEncoding.Inplace, organization.Encoding);
        Assert.Equal(64UL, (ulong)organization.NumberOfBytes);
        Assert.Equal(["active", "createdAt", "name"], organization.Members.Select(m => m.Label));
        AssertVariable(organization.GetMember("active"), 0, AccountRegistryStorage.OrganizationActiveOffset, "bool");
        AssertVariable(organization.GetMember("createdAt"), 0, AccountRegistryStorage.OrganizationCreatedAtOffset, "uint64");
        AssertVariable(organization.GetMember("name"), (ulong)AccountRegistryStorage.OrganizationNameSlotOffset, 0, "string");
        Assert.Equal(StorageEncoding.Bytes, Layout.GetStorageType(organization.GetMember("name").TypeId).Encoding);
    }

    [Fact]
    public void Member_fields_are_packed_into_one_slot_as_documented()
    {
        var member = ValueType(Layout.GetVariable("_members"));

        Assert.Equal(32UL, (ulong)member.NumberOfBytes);
        Assert.Equal(["orgId", "roles", "active", "admittedAt"], member.Members.Select(m => m.Label));
        AssertVariable(member.GetMember("orgId"), 0, AccountRegistryStorage.MemberOrganizationIdOffset, "uint64");
        AssertVariable(member.GetMember("roles"), 0, AccountRegistryStorage.MemberRolesOffset, "uint32");
        AssertVariable(member.GetMember("active"), 0, AccountRegistryStorage.MemberActiveOffset, "bool");
        AssertVariable(member.GetMember("admittedAt"), 0, AccountRegistryStorage.MemberAdmittedAtOffset, "uint64");
    }

    [Fact]
    public void Role_bits_in_the_contract_match_the_enum()
    {
        // The constants are compiled into the code, not storage; the source is the single place they are written.
        var source = File.ReadAllText(Path.Combine(Nectar.Tests.Fixtures.RepositoryRoot, ContractArtifacts.AccountRegistry.SourcePath));

        Assert.Contains("ROLE_USER = 1 << 0;", source, StringComparison.Ordinal);
        Assert.Contains("ROLE_ORG_ADMIN = 1 << 1;", source, StringComparison.Ordinal);
        Assert.Contains("ROLE_AUDITOR = 1 << 2;", source, StringComparison.Ordinal);
        Assert.Contains("ROLE_NODE_OPERATOR = 1 << 3;", source, StringComparison.Ordinal);
        Assert.Contains("ROLE_AUTHORIZER = 1 << 4;", source, StringComparison.Ordinal);
        Assert.Contains("ROLE_GOVERNOR = 1 << 5;", source, StringComparison.Ordinal);
        Assert.Contains("MAX_NAME_LENGTH = 128;", source, StringComparison.Ordinal);
        Assert.Equal(1u << 0, (uint)AccountRoles.User);
        Assert.Equal(1u << 1, (uint)AccountRoles.OrganizationAdmin);
        Assert.Equal(1u << 2, (uint)AccountRoles.Auditor);
        Assert.Equal(1u << 3, (uint)AccountRoles.NodeOperator);
        Assert.Equal(1u << 4, (uint)AccountRoles.Authorizer);
        Assert.Equal(1u << 5, (uint)AccountRoles.Governor);
        Assert.Equal(128, AccountRegistryGenesis.MaxNameLength);
    }

    private static StorageType ValueType(StorageVariable mapping) =>
        Layout.GetStorageType(Layout.GetStorageType(mapping.TypeId).ValueTypeId!);

    private static void AssertVariable(StorageVariable variable, ulong slot, int offset, string typeLabel)
    {
        Assert.Equal(slot, (ulong)variable.Slot);
        Assert.Equal(offset, variable.Offset);
        Assert.Equal(typeLabel, Layout.GetStorageType(variable.TypeId).Label);
    }

    private static void AssertMapping(StorageVariable variable, ulong slot, string keyLabel, string valueLabel)
    {
        var type = Layout.GetStorageType(variable.TypeId);
        Assert.Equal(slot, (ulong)variable.Slot);
        Assert.Equal(0, variable.Offset);
        Assert.Equal(StorageEncoding.Mapping, type.Encoding);
        Assert.Equal(keyLabel, Layout.GetStorageType(type.KeyTypeId!).Label);
        Assert.Equal(valueLabel, Layout.GetStorageType(type.ValueTypeId!).Label);
    }
}
