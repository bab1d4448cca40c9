using Nectar.Chain.Genesis;
using Nectar.Compliance.Genesis;
using Nectar.Compliance.Registry;
using Nectar.Contracts.Registry;
using Nectar.Core.Primitives;

namespace Nectar.Compliance.Tests.Genesis;

public sealed class RegistrySectionTests
{
    private const string A = "0x00000000000000000000000000000000000000a1";
    private const string B = "0x00000000000000000000000000000000000000b2";

    private static string Spec(string registry, string alloc = "{}") => $$"""
        { "name": "t", "chainId": 7, "forks": { "genesis": "prague" }, "genesis": { "timestamp": 1000 },
          "alloc": {{alloc}}, "registry": {{registry}} }
        """;

    private static string Registry(string members, string organizations = """[{ "name": "Org" }]""") =>
        $$"""{ "organizations": {{organizations}}, "members": {{members}} }""";

    private static readonly string Governor = $$"""{ "account": "{{A}}", "organization": 1, "roles": ["governor"] }""";

    public static TheoryData<string, string, string> Violations => new()
    {
        { """{ "name": "t", "chainId": 7, "forks": { "genesis": "prague" } }""", "$.registry", "required" },
        { Spec("[]"), "$.registry", "must be an object" },
        { Spec($$"""{ "members": [{{Governor}}] }"""), "$.registry.organizations", "required" },
        { Spec(Registry($"[{Governor}]", "[]")), "$.registry.organizations", "at least one" },
        { Spec(Registry($"[{Governor}]", """[{ "active": true }]""")), "$.registry.organizations[0].name", "required" },
        { Spec(Registry($"[{Governor}]", $$"""[{ "name": "{{new string('n', 129)}}" }]""")), "$.registry.organizations[0].name", "at most 128" },
        { Spec(Registry($"[{Governor}]", """[{ "name": "Org", "colour": "red" }]""")), "$.registry.organizations[0].colour", "unknown key" },
        { Spec("""{ "organizations": [{ "name": "Org" }] }"""), "$.registry.members", "required" },
        { Spec(Registry("[]")), "$.registry.members", "admitted governor" },
        { Spec(Registry($$"""[{ "account": "{{A}}", "organization": 1, "roles": ["governor"], "active": false }]""")), "$.registry.members", "admitted governor" },
        { Spec(Registry($$"""[{{Governor}}]""", """[{ "name": "Org", "active": false }]""")), "$.registry.members", "admitted governor" },
        { Spec(Registry($$"""[{{Governor}}, { "account": "{{A}}", "organization": 1, "roles": ["user"] }]""")), "$.registry.members[1].account", "second time" },
        { Spec(Registry($$"""[{{Governor}}, { "account": "0x0000000000000000000000000000000000000000", "organization": 1, "roles": ["user"] }]""")), "$.registry.members[1].account", "zero address" },
        { Spec(Registry($$"""[{{Governor}}, { "account": "{{B}}", "organization": 2, "roles": ["user"] }]""")), "$.registry.members[1].organization", "from 1 to 1" },
        { Spec(Registry($$"""[{{Governor}}, { "account": "{{B}}", "organization": "Other", "roles": ["user"] }]""")), "$.registry.members[1].organization", "names no organization" },
        { Spec(Registry($$"""[{{Governor}}, { "account": "{{B}}", "organization": "Org", "roles": ["user"] }]""", """[{ "name": "Org" }, { "name": "Org" }]""")), "$.registry.members[1].organization", "refer to one by its id" },
        { Spec(Registry($$"""[{{Governor}}, { "account": "{{B}}", "roles": ["user"] }]""")), "$.registry.members[1].organization", "required" },
        { Spec(Registry($$"""[{{Governor}}, { "account": "{{B}}", "organization": 1, "roles": ["admin"] }]""")), "$.registry.members[1].roles[0]", "not a role" },
        { Spec(Registry($$"""[{{Governor}}, { "account": "{{B}}", "organization": 1, "roles": ["user", "user"] }]""")), "$.registry.members[1].roles[1]", "twice" },
        { Spec(Registry($$"""[{{Governor}}, { "account": "{{B}}", "organization": 1, "roles": [] }]""")), "$.registry.members[1].roles", "at least one role" },
        { Spec(Registry($$"""[{{Governor}}, { "account": "{{B}}", "organization": 1, "roles": ["auditor", "authorizer"] }]""")), "$.registry.members[1].roles", "auditor and authorizer" },
        { Spec(Registry($$"""[{{Governor}}, { "account": "{{B}}", "organization": 1 }]""")), "$.registry.members[1].roles", "required" },
        { Spec(Registry($$"""[{{Governor}}, { "account": "{{B}}", "organization": 1, "roles": ["user"], "role": "x" }]""")), "$.registry.members[1].role", "unknown key" },
        { Spec(Registry($"[{Governor}]"), """{ "0x4e65637461720000000000000000000000000001": { "balance": 1 } }"""), "$.alloc[\"0x4e65637461720000000000000000000000000001\"]", "registry's address" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Refuses_the_violation_naming_its_path(string json, string path, string problem)
    {
        var exception = Assert.Throws<ChainSpecException>(() => NectarChainSpecLoader.Parse(json));

        // The first problem is the one named; a missing organization list also leaves members' references dangling.
        var error = exception.Errors[0];
        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Members_may_name_their_organization()
    {
        var spec = NectarChainSpecLoader.Parse(Spec(Registry(
            $$"""[{{Governor}}, { "account": "{{B}}", "organization": "Lab", "roles": ["user", "auditor"] }]""",
            """[{ "name": "Org" }, { "name": "Lab" }]""")));
        var devnet = new DevnetChain(spec);

        var standing = devnet.Registry.GetStanding(Address.Parse(B));

        Assert.Equal(2UL, standing.Member!.Value.OrganizationId);
        Assert.Equal(AccountRoles.User | AccountRoles.Auditor, standing.Roles);
        Assert.Equal(1000UL, standing.Member.Value.AdmittedAt);
        Assert.Equal(new RegistryOrganization(2, "Lab", true, 1000), devnet.Registry.FindOrganization(2));
    }

    [Fact]
    public void The_chain_loader_alone_refuses_the_registry_section()
    {
        Assert.Throws<ChainSpecException>(() => ChainSpecLoader.Parse(Spec(Registry($"[{Governor}]"))));
    }

    [Fact]
    public void Storage_equals_what_the_registry_genesis_helper_computes()
    {
        var spec = NectarChainSpecLoader.Parse(Spec(Registry($"[{Governor}]")));
        var expected = AccountRegistryGenesis.ComputeStorage(
            [new RegistryOrganization(1, "Org", true, 1000)],
            [new RegistryMember(Address.Parse(A), 1, AccountRoles.Governor, true, 1000)]);

        var account = spec.Genesis.Alloc[AccountRegistryGenesis.Address];

        Assert.Equal(expected.Count, account.Storage.Count);
        foreach (var entry in expected)
        {
            Assert.Equal(entry.Value, account.Storage[entry.Slot]);
        }

        Assert.Equal(1UL, account.Nonce);
        Assert.Equal(AccountRegistryGenesis.Code.ToArray(), account.Code.ToArray());
    }

    [Fact]
    public void Role_names_are_the_ones_sessions_carry()
    {
        Assert.Equal(
            ["user", "org-admin", "auditor", "node-operator", "authorizer", "governor"],
            RegistrySection.Roles.OrderBy(r => r.Value).Select(r => r.Key));
        Assert.Equal(AccountRoles.All, RegistrySection.Roles.Values.Aggregate(AccountRoles.None, (a, b) => a | b));
        Assert.Equal(MembershipStatus.NotRegistered, default(MembershipStatus));
    }
}
