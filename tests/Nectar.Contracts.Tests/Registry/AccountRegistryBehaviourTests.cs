using System.Globalization;
using System.Text.Json;
using Nectar.Contracts.Abi;
using Nectar.Contracts.Registry;
using Nectar.Contracts.Tests.Tooling;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using static Nectar.Contracts.Tests.Registry.SampleRegistry;

namespace Nectar.Contracts.Tests.Registry;

/// <summary>
/// The registry on a real EVM (anvil), started from the storage the genesis helper computed: genesis reads back
/// through the contract, every change emits its event, and every refusal reverts with its custom error.
/// </summary>
public sealed class AccountRegistryBehaviourTests : IClassFixture<RegistryChain>
{
    private static readonly ContractAbi Abi = ContractArtifacts.AccountRegistry.Abi;
    private static readonly RevertDecoder Reverts = RevertDecoder.For(Abi);
    private static readonly Address Registry = AccountRegistryGenesis.Address;

    private readonly AnvilNode _node;

    public AccountRegistryBehaviourTests(RegistryChain chain)
    {
        chain.Reset();
        _node = chain.Node;
    }

    [Fact]
    public void Genesis_organizations_read_back_through_the_contract()
    {
        Assert.Equal(4UL, View("organizationCount")[0].ToUInt64());
        foreach (var organization in Organizations)
        {
            var record = View("organization", AbiValue.FromUInt(organization.Id))[0];
            Assert.Equal(organization.Active, record[0].AsBool());
            Assert.Equal(organization.CreatedAt, record[1].ToUInt64());
            Assert.Equal(organization.Name, record[2].AsString());
        }

        Assert.Equal("UnknownOrganization(5)", Refusal(Stranger, "organization", AbiValue.FromUInt(5UL)));
        Assert.Equal("UnknownOrganization(0)", Refusal(Stranger, "organization", AbiValue.FromUInt(0UL)));
    }

    [Fact]
    public void Genesis_members_read_back_with_their_admission_and_roles()
    {
        foreach (var member in Members)
        {
            var record = View("memberOf", AbiValue.FromAddress(member.Account))[0];
            Assert.Equal(member.OrganizationId, record[0].ToUInt64());
            Assert.Equal((ulong)member.Roles, record[1].ToUInt64());
            Assert.Equal(member.Active, record[2].AsBool());
            Assert.Equal(member.AdmittedAt, record[3].ToUInt64());

            var admitted = member.IsAdmitted(Organizations[(int)member.OrganizationId - 1].Active);
            Assert.Equal(admitted, IsAdmitted(member.Account));
            Assert.Equal(admitted ? (ulong)member.Roles : 0UL, View("rolesOf", AbiValue.FromAddress(member.Account))[0].ToUInt64());
        }

        Assert.False(IsAdmitted(Stranger));
        Assert.Equal(AbiValue.TupleOf(AbiValue.FromUInt(0UL), AbiValue.FromUInt(0UL), AbiValue.FromBool(false), AbiValue.FromUInt(0UL)), View("memberOf", AbiValue.FromAddress(Stranger))[0]);
    }

    [Fact]
    public void HasRole_needs_every_bit_of_a_non_empty_mask_and_an_admitted_account()
    {
        Assert.True(HasRole(Governor, AccountRoles.Governor));
        Assert.True(HasRole(Governor, AccountRoles.Governor | AccountRoles.User));
        Assert.False(HasRole(Governor, AccountRoles.Governor | AccountRoles.Auditor));
        Assert.False(HasRole(Governor, AccountRoles.None));
        Assert.False(HasRole(Nurse, AccountRoles.Governor));
        Assert.False(HasRole(Revoked, AccountRoles.User));
        Assert.False(HasRole(DormantUser, AccountRoles.User));
    }

    [Theory]
    [InlineData("ROLE_USER", AccountRoles.User)]
    [InlineData("ROLE_ORG_ADMIN", AccountRoles.OrganizationAdmin)]
    [InlineData("ROLE_AUDITOR", AccountRoles.Auditor)]
    [InlineData("ROLE_NODE_OPERATOR", AccountRoles.NodeOperator)]
    [InlineData("ROLE_AUTHORIZER", AccountRoles.Authorizer)]
    [InlineData("ROLE_GOVERNOR", AccountRoles.Governor)]
    [InlineData("ALL_ROLES", AccountRoles.All)]
    [InlineData("ORG_ADMIN_GRANTABLE", AccountRoles.OrganizationAdminGrantable)]
    public void Role_constants_of_the_contract_equal_the_enum(string constant, AccountRoles roles)
    {
        Assert.Equal((ulong)roles, View(constant)[0].ToUInt64());
    }

    [Fact]
    public void Governor_registers_an_organization()
    {
        var receipt = Send(Governor, "registerOrganization", AbiValue.FromString("New Lab"));

        var (name, values) = Assert.Single(Events(receipt));
        Assert.Equal("OrganizationRegistered", name);
        Assert.Equal(5UL, values[0].ToUInt64());
        Assert.Equal("New Lab", values[1].AsString());
        Assert.Equal(Governor, values[2].AsAddress());
        Assert.Equal(5UL, View("organizationCount")[0].ToUInt64());
        var record = View("organization", AbiValue.FromUInt(5UL))[0];
        Assert.True(record[0].AsBool());
        Assert.Equal(BlockTime(receipt), record[1].ToUInt64());
    }

    [Fact]
    public void Only_governors_register_organizations_with_names_of_1_to_128_bytes()
    {
        Assert.Equal($"NotGovernor({HospitalAdmin})", Refusal(HospitalAdmin, "registerOrganization", AbiValue.FromString("Rogue")));
        Assert.Equal($"NotGovernor({Stranger})", Refusal(Stranger, "registerOrganization", AbiValue.FromString("Rogue")));
        Assert.Equal("InvalidOrganizationName(0)", Refusal(Governor, "registerOrganization", AbiValue.FromString(string.Empty)));
        Assert.Equal("InvalidOrganizationName(129)", Refusal(Governor, "registerOrganization", AbiValue.FromString(new string('n', 129))));
        Send(Governor, "registerOrganization", AbiValue.FromString(new string('n', 128)));
    }

    [Fact]
    public void An_organization_admin_admits_users_into_its_own_organization()
    {
        var receipt = Send(HospitalAdmin, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(2UL), Roles(AccountRoles.User | AccountRoles.NodeOperator));

        var (name, values) = Assert.Single(Events(receipt));
        Assert.Equal("MemberAdmitted", name);
        Assert.Equal([AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(2UL), Roles(AccountRoles.User | AccountRoles.NodeOperator), AbiValue.FromAddress(HospitalAdmin)], values);
        Assert.True(IsAdmitted(Newcomer));
        Assert.Equal(BlockTime(receipt), View("memberOf", AbiValue.FromAddress(Newcomer))[0][3].ToUInt64());
    }

    [Fact]
    public void An_organization_admin_cannot_admit_elsewhere_or_grant_governed_roles()
    {
        Assert.Equal($"NotOrganizationAdmin({HospitalAdmin}, 4)", Refusal(HospitalAdmin, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(4UL), Roles(AccountRoles.User)));
        Assert.Equal("RolesNotGrantable(2)", Refusal(HospitalAdmin, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(2UL), Roles(AccountRoles.User | AccountRoles.OrganizationAdmin)));
        Assert.Equal("RolesNotGrantable(32)", Refusal(HospitalAdmin, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(2UL), Roles(AccountRoles.Governor)));
        Assert.Equal($"NotOrganizationAdmin({Nurse}, 2)", Refusal(Nurse, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(2UL), Roles(AccountRoles.User)));
        Assert.Equal($"NotOrganizationAdmin({Stranger}, 2)", Refusal(Stranger, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(2UL), Roles(AccountRoles.User)));
    }

    [Fact]
    public void Admission_is_refused_for_bad_accounts_organizations_and_role_sets()
    {
        Assert.Equal("ZeroAddress()", Refusal(Governor, "admit", AbiValue.FromAddress(Address.Zero), AbiValue.FromUInt(2UL), Roles(AccountRoles.User)));
        Assert.Equal($"SelfManagement({Governor})", Refusal(Governor, "admit", AbiValue.FromAddress(Governor), AbiValue.FromUInt(2UL), Roles(AccountRoles.User)));
        Assert.Equal("UnknownOrganization(9)", Refusal(Governor, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(9UL), Roles(AccountRoles.User)));
        Assert.Equal("OrganizationInactive(3)", Refusal(Governor, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(3UL), Roles(AccountRoles.User)));
        Assert.Equal($"AlreadyAdmitted({Nurse}, 2)", Refusal(Governor, "admit", AbiValue.FromAddress(Nurse), AbiValue.FromUInt(4UL), Roles(AccountRoles.User)));
        Assert.Equal("InvalidRoles(0)", Refusal(Governor, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(2UL), Roles(AccountRoles.None)));
        Assert.Equal("InvalidRoles(64)", Refusal(Governor, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(2UL), AbiValue.FromUInt(64UL)));
        Assert.Equal("ConflictingRoles(20)", Refusal(Governor, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(2UL), Roles(AccountRoles.Auditor | AccountRoles.Authorizer)));
    }

    [Fact]
    public void A_governor_appoints_an_organization_admin_who_can_then_admit()
    {
        Send(Governor, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(4UL), Roles(AccountRoles.OrganizationAdmin));

        Send(Newcomer, "admit", AbiValue.FromAddress(Account(0x77)), AbiValue.FromUInt(4UL), Roles(AccountRoles.User));

        Assert.True(IsAdmitted(Account(0x77)));
    }

    [Fact]
    public void Revoked_members_can_be_admitted_again_even_elsewhere()
    {
        Send(Governor, "admit", AbiValue.FromAddress(Revoked), AbiValue.FromUInt(4UL), Roles(AccountRoles.Auditor));

        Assert.True(HasRole(Revoked, AccountRoles.Auditor));
        Assert.Equal(4UL, View("memberOf", AbiValue.FromAddress(Revoked))[0][0].ToUInt64());
    }

    [Fact]
    public void Roles_change_with_an_event_and_only_within_the_callers_authority()
    {
        var receipt = Send(HospitalAdmin, "setRoles", AbiValue.FromAddress(Nurse), Roles(AccountRoles.User | AccountRoles.NodeOperator));

        var (name, values) = Assert.Single(Events(receipt));
        Assert.Equal("MemberRolesChanged", name);
        Assert.Equal([AbiValue.FromAddress(Nurse), AbiValue.FromUInt(2UL), Roles(AccountRoles.User), Roles(AccountRoles.User | AccountRoles.NodeOperator), AbiValue.FromAddress(HospitalAdmin)], values);
        Assert.True(HasRole(Nurse, AccountRoles.NodeOperator));

        Assert.Equal($"RolesUnchanged({Nurse}, 9)", Refusal(HospitalAdmin, "setRoles", AbiValue.FromAddress(Nurse), Roles(AccountRoles.User | AccountRoles.NodeOperator)));
        Assert.Equal("RolesNotGrantable(2)", Refusal(HospitalAdmin, "setRoles", AbiValue.FromAddress(Nurse), Roles(AccountRoles.OrganizationAdmin)));
        Assert.Equal($"NotAdmitted({Revoked})", Refusal(HospitalAdmin, "setRoles", AbiValue.FromAddress(Revoked), Roles(AccountRoles.User)));
        Assert.Equal($"NotOrganizationAdmin({HospitalAdmin}, 0)", Refusal(HospitalAdmin, "setRoles", AbiValue.FromAddress(Stranger), Roles(AccountRoles.User)));
        Assert.Equal($"NotOrganizationAdmin({ResearchAdmin}, 2)", Refusal(ResearchAdmin, "setRoles", AbiValue.FromAddress(Nurse), Roles(AccountRoles.User)));
        Assert.Equal($"SelfManagement({HospitalAdmin})", Refusal(HospitalAdmin, "setRoles", AbiValue.FromAddress(HospitalAdmin), Roles(AccountRoles.User)));
        Send(Governor, "setRoles", AbiValue.FromAddress(HospitalAdmin), Roles(AccountRoles.User));
        Assert.False(HasRole(HospitalAdmin, AccountRoles.OrganizationAdmin));
    }

    [Fact]
    public void Revocation_ends_admission_at_once_and_keeps_the_record()
    {
        var receipt = Send(HospitalAdmin, "revoke", AbiValue.FromAddress(Nurse));

        var (name, values) = Assert.Single(Events(receipt));
        Assert.Equal("MemberRevoked", name);
        Assert.Equal([AbiValue.FromAddress(Nurse), AbiValue.FromUInt(2UL), AbiValue.FromAddress(HospitalAdmin)], values);
        Assert.False(IsAdmitted(Nurse));
        var record = View("memberOf", AbiValue.FromAddress(Nurse))[0];
        Assert.Equal(2UL, record[0].ToUInt64());
        Assert.Equal((ulong)AccountRoles.User, record[1].ToUInt64());
        Assert.False(record[2].AsBool());
        Assert.Equal($"NotAdmitted({Nurse})", Refusal(HospitalAdmin, "revoke", AbiValue.FromAddress(Nurse)));
    }

    [Fact]
    public void Organization_admins_cannot_revoke_admins_and_nobody_revokes_themselves()
    {
        Send(Governor, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(2UL), Roles(AccountRoles.OrganizationAdmin));

        Assert.Equal("RolesNotGrantable(2)", Refusal(HospitalAdmin, "revoke", AbiValue.FromAddress(Newcomer)));
        Assert.Equal($"SelfManagement({Governor})", Refusal(Governor, "revoke", AbiValue.FromAddress(Governor)));
        Assert.Equal($"NotOrganizationAdmin({Nurse}, 2)", Refusal(Nurse, "revoke", AbiValue.FromAddress(NodeOperator)));
        Send(Governor, "revoke", AbiValue.FromAddress(Newcomer));
        Assert.False(IsAdmitted(Newcomer));
    }

    [Fact]
    public void Deactivating_an_organization_withdraws_every_member_and_its_admins_authority()
    {
        var receipt = Send(Governor, "setOrganizationActive", AbiValue.FromUInt(2UL), AbiValue.FromBool(false));

        var (name, values) = Assert.Single(Events(receipt));
        Assert.Equal("OrganizationActiveChanged", name);
        Assert.Equal([AbiValue.FromUInt(2UL), AbiValue.FromBool(false), AbiValue.FromAddress(Governor)], values);
        Assert.False(IsAdmitted(Nurse));
        Assert.False(IsAdmitted(HospitalAdmin));
        Assert.Equal($"NotOrganizationAdmin({HospitalAdmin}, 2)", Refusal(HospitalAdmin, "revoke", AbiValue.FromAddress(Nurse)));
        Assert.Equal("OrganizationInactive(2)", Refusal(Governor, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(2UL), Roles(AccountRoles.User)));

        Send(Governor, "setOrganizationActive", AbiValue.FromUInt(2UL), AbiValue.FromBool(true));
        Assert.True(IsAdmitted(Nurse));
    }

    [Fact]
    public void Organization_status_changes_are_the_governors_and_never_of_their_own_organization()
    {
        Assert.Equal($"NotGovernor({HospitalAdmin})", Refusal(HospitalAdmin, "setOrganizationActive", AbiValue.FromUInt(2UL), AbiValue.FromBool(false)));
        Assert.Equal($"SelfManagement({Governor})", Refusal(Governor, "setOrganizationActive", AbiValue.FromUInt(1UL), AbiValue.FromBool(false)));
        Assert.Equal("OrganizationStatusUnchanged(2, true)", Refusal(Governor, "setOrganizationActive", AbiValue.FromUInt(2UL), AbiValue.FromBool(true)));
        Assert.Equal("UnknownOrganization(7)", Refusal(Governor, "setOrganizationActive", AbiValue.FromUInt(7UL), AbiValue.FromBool(true)));
    }

    private static AbiValue Roles(AccountRoles roles) => AbiValue.FromUInt((ulong)roles);

    private AbiValue[] View(string function, params AbiValue[] arguments)
    {
        var abiFunction = Abi.GetFunction(function);
        return abiFunction.DecodeOutput(_node.Call(Stranger, Registry, abiFunction.EncodeCall(arguments)));
    }

    private bool IsAdmitted(Address account) => View("isAdmitted", AbiValue.FromAddress(account))[0].AsBool();

    private bool HasRole(Address account, AccountRoles roles) => View("hasRole", AbiValue.FromAddress(account), Roles(roles))[0].AsBool();

    /// <summary>The decoded revert of a call that must fail, as text such as <c>NotGovernor(0x…)</c>.</summary>
    private string Refusal(Address from, string function, params AbiValue[] arguments)
    {
        var error = Assert.Throws<RpcException>(() => _node.Call(from, Registry, Abi.GetFunction(function).EncodeCall(arguments)));
        var reason = Reverts.Decode(error.RevertData);
        Assert.Equal(RevertKind.CustomError, reason.Kind);
        return reason.ToString();
    }

    private JsonElement Send(Address from, string function, params AbiValue[] arguments)
    {
        var receipt = _node.Send(from, Registry, Abi.GetFunction(function).EncodeCall(arguments));
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        return receipt;
    }

    private ulong BlockTime(JsonElement receipt)
    {
        var block = _node.Rpc("eth_getBlockByNumber", receipt.GetProperty("blockNumber").GetString()!, false);
        return ulong.Parse(block.GetProperty("timestamp").GetString()!.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static List<(string Name, AbiValue[] Values)> Events(JsonElement receipt)
    {
        var events = new List<(string, AbiValue[])>();
        foreach (var log in receipt.GetProperty("logs").EnumerateArray())
        {
            Assert.Equal(Registry, Address.Parse(log.GetProperty("address").GetString()));
            var topics = log.GetProperty("topics").EnumerateArray().Select(t => Hash256.Parse(t.GetString())).ToArray();
            Assert.True(Abi.TryGetEvent(topics[0], out var abiEvent), "unknown event topic " + topics[0]);
            events.Add((abiEvent.Name, abiEvent.DecodeLog(topics, Hex.Decode(log.GetProperty("data").GetString()))));
        }

        return events;
    }
}
