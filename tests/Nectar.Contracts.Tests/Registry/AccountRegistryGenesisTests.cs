using System.Numerics;
using System.Text;
using Nectar.Contracts.Registry;
using Nectar.Contracts.Storage;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Tests.Registry;

public sealed class AccountRegistryGenesisTests
{
    [Fact]
    public void Storage_matches_an_oracle_built_from_the_compilers_layout()
    {
        var computed = AccountRegistryGenesis.ComputeStorage(SampleRegistry.Organizations, SampleRegistry.Members);

        Assert.Equal(Oracle(SampleRegistry.Organizations, SampleRegistry.Members), computed);
    }

    [Fact]
    public void Random_registries_match_the_layout_oracle()
    {
        var random = new Random(0x5EED_0AC);
        for (var round = 0; round < 60; round++)
        {
            var organizations = new List<RegistryOrganization>();
            var organizationCount = random.Next(1, 6);
            for (var id = 1; id <= organizationCount; id++)
            {
                organizations.Add(new RegistryOrganization((ulong)id, RandomName(random), id == 1 || random.Next(3) > 0, (ulong)random.NextInt64()));
            }

            var members = new List<RegistryMember>
            {
                new(SampleRegistry.Account(1), 1, AccountRoles.Governor, true, (ulong)random.NextInt64()),
            };
            var memberCount = random.Next(0, 12);
            for (var i = 0; i < memberCount; i++)
            {
                var roles = (AccountRoles)random.Next(1, 64);
                if (!AccountRegistryGenesis.IsValidRoleSet(roles))
                {
                    roles = AccountRoles.User;
                }

                members.Add(new RegistryMember(
                    SampleRegistry.Account((ulong)random.NextInt64(2, long.MaxValue)),
                    (ulong)random.Next(1, organizations.Count + 1),
                    roles,
                    random.Next(4) > 0,
                    (ulong)random.NextInt64() * 2));
            }

            Assert.Equal(Oracle(organizations, members), AccountRegistryGenesis.ComputeStorage(organizations, members));
        }
    }

    [Fact]
    public void Organization_count_and_names_land_where_the_contract_reads_them()
    {
        var storage = AccountRegistryGenesis.ComputeStorage(SampleRegistry.Organizations, SampleRegistry.Members).ToDictionary(e => e.Slot, e => e.Value);

        Assert.Equal(new UInt256(4UL), storage[UInt256.Zero]);
        var shortName = storage[AccountRegistryStorage.OrganizationNameSlot(2)].ToBigEndian();
        Assert.Equal("Acme Hospital"u8.ToArray(), shortName[..13]);
        Assert.Equal(26, shortName[31]);
        var longName = Encoding.UTF8.GetByteCount(SampleRegistry.Organizations[3].Name);
        Assert.Equal(new UInt256((ulong)(longName * 2) + 1), storage[AccountRegistryStorage.OrganizationNameSlot(4)]);
    }

    [Fact]
    public void Member_words_decode_back_to_the_records()
    {
        var storage = AccountRegistryGenesis.ComputeStorage(SampleRegistry.Organizations, SampleRegistry.Members).ToDictionary(e => e.Slot, e => e.Value);

        foreach (var member in SampleRegistry.Members)
        {
            Assert.Equal(member, AccountRegistryStorage.DecodeMember(member.Account, storage[AccountRegistryStorage.MemberSlot(member.Account)]));
        }

        Assert.Equal(default, AccountRegistryStorage.DecodeMember(default, UInt256.Zero));
        AccountRegistryStorage.DecodeOrganizationHeader(storage[AccountRegistryStorage.OrganizationSlot(4)], out var active, out var createdAt);
        Assert.True(active);
        Assert.Equal(SampleRegistry.GenesisTime + 1, createdAt);
    }

    [Fact]
    public void The_result_is_ordered_by_slot_without_zero_words()
    {
        var storage = AccountRegistryGenesis.ComputeStorage(SampleRegistry.Organizations, SampleRegistry.Members);

        Assert.All(storage, e => Assert.False(e.Value.IsZero));
        Assert.Equal(storage.OrderBy(e => e.Slot), storage);
        Assert.Equal(storage.Count, storage.Select(e => e.Slot).Distinct().Count());
    }

    public static TheoryData<string, RegistryOrganization[], RegistryMember[]> Invalid => new()
    {
        { "run 1, 2, 3", [Org(2)], [Governor(2)] },
        { "run 1, 2, 3", [Org(1), Org(3)], [Governor(1)] },
        { "needs a name of 1 to 128", [Org(1) with { Name = "" }], [Governor(1)] },
        { "needs a name of 1 to 128", [Org(1) with { Name = new string('é', 65) }], [Governor(1)] },
        { "zero address", [Org(1)], [Governor(1), new(Address.Zero, 1, AccountRoles.User)] },
        { "listed twice", [Org(1)], [Governor(1), Governor(1) with { Roles = AccountRoles.User }] },
        { "does not exist", [Org(1)], [Governor(1), new(SampleRegistry.Account(9), 2, AccountRoles.User)] },
        { "does not exist", [Org(1)], [Governor(1), new(SampleRegistry.Account(9), 0, AccountRoles.User)] },
        { "invalid role set", [Org(1)], [Governor(1), new(SampleRegistry.Account(9), 1, AccountRoles.None)] },
        { "invalid role set", [Org(1)], [Governor(1), new(SampleRegistry.Account(9), 1, (AccountRoles)64)] },
        { "invalid role set", [Org(1)], [Governor(1), new(SampleRegistry.Account(9), 1, AccountRoles.Auditor | AccountRoles.Authorizer)] },
        { "at least one admitted governor", [Org(1)], [] },
        { "at least one admitted governor", [Org(1)], [Governor(1) with { Active = false }] },
        { "at least one admitted governor", [Org(1) with { Active = false }], [Governor(1)] },
        { "at least one admitted governor", [Org(1)], [Governor(1) with { Roles = AccountRoles.OrganizationAdmin }] },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Refuses_what_the_contract_would_refuse(string reason, RegistryOrganization[] organizations, RegistryMember[] members)
    {
        var error = Assert.Throws<ArgumentException>(() => AccountRegistryGenesis.ComputeStorage(organizations, members));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_the_longest_name_and_a_governor_among_other_roles()
    {
        var storage = AccountRegistryGenesis.ComputeStorage(
            [Org(1) with { Name = new string('n', 128) }],
            [Governor(1) with { Roles = AccountRoles.Governor | AccountRoles.Auditor | AccountRoles.NodeOperator }]);

        Assert.NotEmpty(storage);
    }

    [Fact]
    public void Code_and_address_are_the_registry_artifact_at_the_system_address()
    {
        Assert.Equal(ContractArtifacts.AccountRegistry.DeployedBytecode.ToArray(), AccountRegistryGenesis.Code.ToArray());
        Assert.Equal(Address.Parse("0x4e65637461720000000000000000000000000001"), AccountRegistryGenesis.Address);
        Assert.Equal(SystemContracts.AccountRegistry, AccountRegistryGenesis.Address);
    }

    private static RegistryOrganization Org(ulong id) => new(id, "Organization " + id, true, SampleRegistry.GenesisTime);

    private static RegistryMember Governor(ulong organization) => new(SampleRegistry.Governor, organization, AccountRoles.Governor, true, SampleRegistry.GenesisTime);

    private static string RandomName(Random random)
    {
        string[] pieces = ["a", "Clinic ", "é", "✓", "中", "Research", "0"];
        var builder = new StringBuilder();
        var target = random.Next(1, 130);
        while (true)
        {
            var piece = pieces[random.Next(pieces.Length)];
            if (Encoding.UTF8.GetByteCount(builder + piece) > Math.Min(target, 128))
            {
                return builder.Length == 0 ? "x" : builder.ToString();
            }

            builder.Append(piece);
        }
    }

    private static List<StorageEntry> Oracle(IReadOnlyList<RegistryOrganization> organizations, IReadOnlyList<RegistryMember> members)
    {
        var layout = ContractArtifacts.AccountRegistry.StorageLayout;
        var storage = new LayoutDrivenStorage(layout);
        var organizationsMapping = layout.GetVariable("_organizations");
        var membersMapping = layout.GetVariable("_members");
        var organizationType = storage.ValueTypeOf(organizationsMapping);
        var memberType = storage.ValueTypeOf(membersMapping);

        storage.SetValue(layout.GetVariable("organizationCount"), 0, organizations.Count);
        foreach (var organization in organizations)
        {
            var entry = storage.Entry(organizationsMapping, organization.Id);
            storage.SetValue(organizationType.GetMember("active"), entry, organization.Active ? 1 : 0);
            storage.SetValue(organizationType.GetMember("createdAt"), entry, organization.CreatedAt);
            storage.SetString(organizationType.GetMember("name"), entry, organization.Name);
        }

        foreach (var member in members)
        {
            var entry = storage.Entry(membersMapping, member.Account);
            storage.SetValue(memberType.GetMember("orgId"), entry, member.OrganizationId);
            storage.SetValue(memberType.GetMember("roles"), entry, (uint)member.Roles);
            storage.SetValue(memberType.GetMember("active"), entry, member.Active ? 1 : 0);
            storage.SetValue(memberType.GetMember("admittedAt"), entry, new BigInteger(member.AdmittedAt));
        }

        return [.. storage.Entries];
    }
}
