using Nectar.Compliance.Genesis;
using Nectar.Compliance.Registry;
using Nectar.Contracts.Registry;
using Nectar.Core.Primitives;
using Nectar.State;

namespace Nectar.Compliance.Tests.Registry;

public sealed class AccountRegistryReaderTests
{
    private static readonly Address Governor = Address.Parse("0x00000000000000000000000000000000000000a1");
    private static readonly Address User = Address.Parse("0x00000000000000000000000000000000000000a2");
    private static readonly Address Revoked = Address.Parse("0x00000000000000000000000000000000000000a3");
    private static readonly Address Suspended = Address.Parse("0x00000000000000000000000000000000000000a4");
    private static readonly Address AuditorOnly = Address.Parse("0x00000000000000000000000000000000000000a5");
    private static readonly Address Stranger = Address.Parse("0x00000000000000000000000000000000000000ff");
    private static readonly string LongName = "Regional Health Information Exchange of the Northern Valleys";

    private static readonly DevnetChain Chain = new(NectarChainSpecLoader.Parse($$"""
        {
          "name": "reader", "chainId": 9, "forks": { "genesis": "prague" }, "genesis": { "timestamp": 1234 },
          "registry": {
            "organizations": [ { "name": "Network" }, { "name": "{{LongName}}" }, { "name": "Closed Lab", "active": false } ],
            "members": [
              { "account": "{{Governor}}", "organization": 1, "roles": ["user", "governor"] },
              { "account": "{{User}}", "organization": 2, "roles": ["user", "node-operator"] },
              { "account": "{{Revoked}}", "organization": 2, "roles": ["user"], "active": false },
              { "account": "{{Suspended}}", "organization": 3, "roles": ["user"] },
              { "account": "{{AuditorOnly}}", "organization": 1, "roles": ["auditor"] }
            ]
          }
        }
        """));

    [Fact]
    public void Reads_member_records_back_from_state()
    {
        Assert.Equal(new RegistryMember(User, 2, AccountRoles.User | AccountRoles.NodeOperator, true, 1234), Chain.Registry.FindMember(User));
        Assert.Equal(new RegistryMember(Revoked, 2, AccountRoles.User, false, 1234), Chain.Registry.FindMember(Revoked));
        Assert.Null(Chain.Registry.FindMember(Stranger));
    }

    [Fact]
    public void Reads_organizations_with_short_and_long_names()
    {
        Assert.Equal(3UL, Chain.Registry.OrganizationCount);
        Assert.Equal(new RegistryOrganization(1, "Network", true, 1234), Chain.Registry.FindOrganization(1));
        Assert.True(LongName.Length > 31);
        Assert.Equal(new RegistryOrganization(2, LongName, true, 1234), Chain.Registry.FindOrganization(2));
        Assert.Equal(new RegistryOrganization(3, "Closed Lab", false, 1234), Chain.Registry.FindOrganization(3));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(4UL)]
    public void Unknown_organizations_are_absent_and_inactive(ulong id)
    {
        Assert.Null(Chain.Registry.FindOrganization(id));
        Assert.False(Chain.Registry.IsOrganizationActive(id));
    }

    [Fact]
    public void Standing_follows_the_contracts_admission_rule()
    {
        Assert.Equal(MembershipStatus.Admitted, Chain.Registry.GetStanding(User).Status);
        Assert.Equal(MembershipStatus.Admitted, Chain.Registry.GetStanding(AuditorOnly).Status);
        Assert.Equal(MembershipStatus.Revoked, Chain.Registry.GetStanding(Revoked).Status);
        Assert.Equal(MembershipStatus.OrganizationInactive, Chain.Registry.GetStanding(Suspended).Status);
        Assert.Equal(MembershipStatus.NotRegistered, Chain.Registry.GetStanding(Stranger).Status);
    }

    [Fact]
    public void Roles_count_only_while_admitted()
    {
        Assert.True(Chain.Registry.TryGetAdmittedRoles(User, out var roles));
        Assert.Equal(AccountRoles.User | AccountRoles.NodeOperator, roles);
        Assert.True(Chain.Registry.GetStanding(User).HasRoles(AccountRoles.NodeOperator));
        Assert.False(Chain.Registry.GetStanding(User).HasRoles(AccountRoles.None));

        foreach (var account in new[] { Revoked, Suspended, Stranger })
        {
            Assert.False(Chain.Registry.TryGetAdmittedRoles(account, out var none));
            Assert.Equal(AccountRoles.None, none);
            Assert.False(Chain.Registry.IsAdmitted(account));
            Assert.False(Chain.Registry.GetStanding(account).HasRoles(AccountRoles.User));
        }
    }

    [Fact]
    public void A_state_without_the_registry_admits_nobody()
    {
        var reader = new AccountRegistryReader(EmptyStateReader.Instance);

        Assert.Equal(MembershipStatus.NotRegistered, reader.GetStanding(Governor).Status);
        Assert.Equal(0UL, reader.OrganizationCount);
    }

    [Fact]
    public void A_missing_head_state_fails_instead_of_admitting()
    {
        var reader = new AccountRegistryReader(() => null!);

        Assert.Throws<InvalidOperationException>(() => reader.GetStanding(Governor));
    }
}
