using Nectar.Chain.Genesis;
using Nectar.Compliance.Devnet;
using Nectar.Compliance.Registry;
using Nectar.Contracts;
using Nectar.Contracts.Registry;
using Nectar.Core.Numerics;
using Nectar.Core.Specs;
using Nectar.Crypto.Keys;
using static Nectar.Compliance.Tests.DevnetChain;

namespace Nectar.Compliance.Tests.Devnet;

public sealed class DevnetChainSpecTests
{
    private static readonly UInt256 Ether = UInt256.Parse("1000000000000000000");

    public static TheoryData<int, AccountRoles> Roles => new()
    {
        { 0, AccountRoles.User | AccountRoles.OrganizationAdmin | AccountRoles.NodeOperator | AccountRoles.Governor },
        { 1, AccountRoles.User },
        { 2, AccountRoles.User },
        { 3, AccountRoles.User },
        { 4, AccountRoles.User },
        { 5, AccountRoles.User },
        { 6, AccountRoles.User },
        { 7, AccountRoles.User | AccountRoles.Authorizer },
        { 8, AccountRoles.User | AccountRoles.Auditor },
        { 9, AccountRoles.User | AccountRoles.NodeOperator },
    };

    [Fact]
    public void Devnet_runs_Prague_from_genesis_on_Nectars_chain_id()
    {
        var spec = DevnetChainSpec.Load();

        Assert.Equal("Nectar Devnet", spec.Name);
        Assert.Equal(NectarChainId.Default, spec.ChainId);
        Assert.Equal(632_827UL, spec.ChainId);
        Assert.Equal(Fork.Prague, spec.GenesisFork.Fork);
        Assert.Empty(spec.Activations);
        Assert.Equal(150_000_000UL, spec.Genesis.GasLimit);
        Assert.Equal(new UInt256(1_000_000_000), spec.Genesis.BaseFeePerGas);
        Assert.Equal(ChainPredeploys.Create2Deployer | ChainPredeploys.HistoryStorage, spec.Predeploys);
    }

    [Fact]
    public void Funds_the_ten_development_accounts_with_ten_thousand_ether_each()
    {
        var spec = DevnetChainSpec.Load();
        var keys = DevnetChainSpec.DeriveAccounts();

        Assert.Equal(DevKeys.DefaultCount, keys.Count);
        foreach (var key in keys)
        {
            Assert.Equal(Ether * 10_000, spec.Genesis.Alloc[key.Address].Balance);
        }

        // Ten accounts, two predeploys and the registry: nothing else.
        Assert.Equal(13, spec.Genesis.Alloc.Count);
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", keys[0].Address.ToChecksumString());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Admits_each_development_account_with_its_roles(int index, AccountRoles roles)
    {
        var devnet = new DevnetChain(DevnetChainSpec.Load());

        var standing = devnet.Registry.GetStanding(Account(index));

        Assert.Equal(MembershipStatus.Admitted, standing.Status);
        Assert.Equal(roles, standing.Roles);
        Assert.Equal(1UL, standing.Member!.Value.OrganizationId);
        Assert.Equal(devnet.Spec.Genesis.Timestamp, standing.Member.Value.AdmittedAt);
    }

    [Fact]
    public void Every_role_exists_and_no_account_is_both_auditor_and_authorizer()
    {
        var devnet = new DevnetChain(DevnetChainSpec.Load());
        var all = AccountRoles.None;
        for (var i = 0; i < Keys.Count; i++)
        {
            var roles = devnet.Registry.GetStanding(Account(i)).Roles;
            Assert.NotEqual(AccountRoles.Auditor | AccountRoles.Authorizer, roles & (AccountRoles.Auditor | AccountRoles.Authorizer));
            all |= roles;
        }

        Assert.Equal(AccountRoles.All, all);
    }

    [Fact]
    public void Registry_holds_one_active_organization_named_Nectar_Devnet()
    {
        var devnet = new DevnetChain(DevnetChainSpec.Load());

        Assert.Equal(1UL, devnet.Registry.OrganizationCount);
        Assert.Equal(new RegistryOrganization(1, "Nectar Devnet", true, 0), devnet.Registry.FindOrganization(1));
        Assert.Equal(ContractArtifacts.AccountRegistry.DeployedBytecode.ToArray(), devnet.State.World.GetCode(SystemContracts.AccountRegistry));
    }

    [Fact]
    public void Embedded_json_is_the_loaded_spec()
    {
        Assert.Contains("\"chainId\": 632827", DevnetChainSpec.Json, StringComparison.Ordinal);
        Assert.Equal(NectarChainId.Default, Nectar.Compliance.Genesis.NectarChainSpecLoader.Parse(DevnetChainSpec.Json).ChainId);
    }
}
