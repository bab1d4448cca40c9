using Nectar.Compliance.Devnet;
using Nectar.Compliance.Registry;
using Nectar.Contracts.Abi;
using Nectar.Contracts.Registry;
using Nectar.Core.Primitives;
using static Nectar.Compliance.Tests.DevnetChain;

namespace Nectar.Compliance.Tests.Registry;

/// <summary>Changes made through the registry contract, in blocks built by the chain, are what the reader sees next.</summary>
public sealed class RegistryChangeTests
{
    private static readonly Address Newcomer = Address.Parse("0x00000000000000000000000000000000000e1c00");

    [Fact]
    public void An_account_the_organization_admin_admits_is_admitted_from_that_block_on()
    {
        var devnet = new DevnetChain(DevnetChainSpec.Load());
        Assert.Equal(MembershipStatus.NotRegistered, devnet.Registry.GetStanding(Newcomer).Status);
        Assert.False(devnet.Admission.Check(Newcomer, devnet.Transfer(1, 0, Newcomer)).IsAllowed);

        var built = devnet.Produce(devnet.RegistryCall(0, 0, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(1UL), AbiValue.FromUInt((ulong)AccountRoles.User)));

        Assert.Empty(built.Skipped);
        Assert.True(built.Execution.TransactionResults[0].Success, built.Execution.TransactionResults[0].ToString());
        var standing = devnet.Registry.GetStanding(Newcomer);
        Assert.Equal(MembershipStatus.Admitted, standing.Status);
        Assert.Equal(AccountRoles.User, standing.Roles);
        Assert.Equal(built.Block.Header.Timestamp, standing.Member!.Value.AdmittedAt);
        Assert.True(devnet.Admission.Check(Newcomer, devnet.Transfer(1, 0, Newcomer)).IsAllowed);
    }

    [Fact]
    public void A_revoked_user_is_refused_from_the_block_that_revokes_it()
    {
        var devnet = new DevnetChain(DevnetChainSpec.Load());
        var user = Account(3);
        Assert.True(devnet.Admission.Check(user, devnet.Transfer(3, 0, Newcomer)).IsAllowed);

        var built = devnet.Produce(devnet.RegistryCall(0, 0, "revoke", AbiValue.FromAddress(user)));

        Assert.True(built.Execution.TransactionResults[0].Success, built.Execution.TransactionResults[0].ToString());
        Assert.Equal(MembershipStatus.Revoked, devnet.Registry.GetStanding(user).Status);
        Assert.Equal(RegistryTransactionAdmission.NotAdmittedReason, devnet.Admission.Check(user, devnet.Transfer(3, 0, Newcomer)).Reason);
    }

    [Fact]
    public void Remembers_standings_until_a_block_changes_the_registry()
    {
        var devnet = new DevnetChain(DevnetChainSpec.Load());
        var counting = new CountingState(devnet.State.Store);
        var registry = new AccountRegistryReader(counting);
        var user = Account(4);
        Assert.True(registry.IsAdmitted(user));
        var afterFirst = counting.StorageReads;

        devnet.Produce(devnet.Transfer(1, 0, Newcomer));
        Assert.True(registry.IsAdmitted(user));
        Assert.Equal(afterFirst, counting.StorageReads);

        devnet.Produce(devnet.RegistryCall(0, 0, "revoke", AbiValue.FromAddress(user)));
        Assert.False(registry.IsAdmitted(user));
        Assert.True(counting.StorageReads > afterFirst);
    }

    [Fact]
    public void A_refused_change_leaves_the_registry_as_it_was()
    {
        var devnet = new DevnetChain(DevnetChainSpec.Load());

        // Account 1 is a plain user: the contract reverts its attempt to admit anyone.
        var built = devnet.Produce(devnet.RegistryCall(1, 0, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(1UL), AbiValue.FromUInt((ulong)AccountRoles.User)));

        Assert.False(built.Execution.TransactionResults[0].Success);
        Assert.Equal(MembershipStatus.NotRegistered, devnet.Registry.GetStanding(Newcomer).Status);
    }

    [Fact]
    public void A_governor_suspending_an_organization_withdraws_its_members()
    {
        var devnet = new DevnetChain(DevnetChainSpec.Load());
        devnet.Produce(
            devnet.RegistryCall(0, 0, "registerOrganization", AbiValue.FromString("Clinic")),
            devnet.RegistryCall(0, 1, "admit", AbiValue.FromAddress(Newcomer), AbiValue.FromUInt(2UL), AbiValue.FromUInt((ulong)AccountRoles.User)));
        Assert.Equal(new RegistryOrganization(2, "Clinic", true, devnet.Chain.Head.Header.Timestamp), devnet.Registry.FindOrganization(2));
        Assert.True(devnet.Registry.IsAdmitted(Newcomer));

        var built = devnet.Produce(devnet.RegistryCall(0, 2, "setOrganizationActive", AbiValue.FromUInt(2UL), AbiValue.FromBool(false)));

        Assert.True(built.Execution.TransactionResults[0].Success, built.Execution.TransactionResults[0].ToString());
        Assert.Equal(MembershipStatus.OrganizationInactive, devnet.Registry.GetStanding(Newcomer).Status);
        Assert.Equal(RegistryTransactionAdmission.NotAdmittedReason, devnet.Admission.Check(Newcomer, devnet.Transfer(1, 0, Newcomer)).Reason);
    }

    /// <summary>A state reader counting the storage reads that reach it.</summary>
    private sealed class CountingState(Nectar.State.IStateReader inner) : Nectar.State.IStateReader
    {
        public int StorageReads { get; private set; }

        public bool TryGetAccount(Address address, out Nectar.State.Account account) => inner.TryGetAccount(address, out account);

        public Nectar.Core.Numerics.UInt256 GetStorage(Address address, in Nectar.Core.Numerics.UInt256 slot)
        {
            StorageReads++;
            return inner.GetStorage(address, slot);
        }

        public byte[]? GetCode(in Hash256 codeHash) => inner.GetCode(codeHash);
    }
}
