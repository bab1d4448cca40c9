using Microsoft.Extensions.DependencyInjection;
using Nectar.Chain.Admission;
using Nectar.Compliance.Devnet;
using Nectar.Compliance.Registry;
using Nectar.Core.Transactions;
using Nectar.State;
using static Nectar.Compliance.Tests.DevnetChain;

namespace Nectar.Compliance.Tests;

public sealed class ComplianceServiceCollectionExtensionsTests
{
    [Fact]
    public void Registers_the_registry_reader_and_the_transaction_admission_over_the_head_state()
    {
        var devnet = new DevnetChain(DevnetChainSpec.Load());
        using var provider = new ServiceCollection()
            .AddSingleton<IStateReader>(devnet.State.Store)
            .AddNectarCompliance(p => p.GetRequiredService<IStateReader>())
            .BuildServiceProvider();

        var admission = provider.GetRequiredService<ITransactionAdmission>();

        Assert.IsType<RegistryTransactionAdmission>(admission);
        Assert.Same(provider.GetRequiredService<AccountRegistryReader>(), provider.GetRequiredService<AccountRegistryReader>());
        Assert.True(admission.Check(Account(0), new Transaction()).IsAllowed);
        Assert.False(admission.Check(Coinbase, new Transaction()).IsAllowed);
    }
}
