using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Specs;

namespace Nectar.Evm.Tests;

/// <summary>The test vectors of EIP-2200 (Istanbul) and EIP-3529 (London): gas used by the code and the refund.</summary>
public sealed class SstoreGasTests
{
    public static TheoryData<string, long, long, int> Istanbul => new()
    {
        { "0x60006000556000600055", 1612, 0, 0 },
        { "0x60006000556001600055", 20812, 0, 0 },
        { "0x60016000556000600055", 20812, 19200, 0 },
        { "0x60016000556002600055", 20812, 0, 0 },
        { "0x60016000556001600055", 20812, 0, 0 },
        { "0x60006000556000600055", 5812, 15000, 1 },
        { "0x60006000556001600055", 5812, 4200, 1 },
        { "0x60006000556002600055", 5812, 0, 1 },
        { "0x60026000556000600055", 5812, 15000, 1 },
        { "0x60026000556003600055", 5812, 0, 1 },
        { "0x60026000556001600055", 5812, 4200, 1 },
        { "0x60026000556002600055", 5812, 0, 1 },
        { "0x60016000556000600055", 5812, 15000, 1 },
        { "0x60016000556002600055", 5812, 0, 1 },
        { "0x60016000556001600055", 1612, 0, 1 },
        { "0x600160005560006000556001600055", 40818, 19200, 0 },
        { "0x600060005560016000556000600055", 10818, 19200, 1 },
    };

    public static TheoryData<string, long, long, int> London => new()
    {
        { "0x60006000556000600055", 212, 0, 0 },
        { "0x60006000556001600055", 20112, 0, 0 },
        { "0x60016000556000600055", 20112, 19900, 0 },
        { "0x60016000556002600055", 20112, 0, 0 },
        { "0x60016000556001600055", 20112, 0, 0 },
        { "0x60006000556000600055", 3012, 4800, 1 },
        { "0x60006000556001600055", 3012, 2800, 1 },
        { "0x60006000556002600055", 3012, 0, 1 },
        { "0x60026000556000600055", 3012, 4800, 1 },
        { "0x60026000556003600055", 3012, 0, 1 },
        { "0x60026000556001600055", 3012, 2800, 1 },
        { "0x60026000556002600055", 3012, 0, 1 },
        { "0x60016000556000600055", 3012, 4800, 1 },
        { "0x60016000556002600055", 3012, 0, 1 },
        { "0x60016000556001600055", 212, 0, 1 },
        { "0x600160005560006000556001600055", 40118, 19900, 0 },
        { "0x600060005560016000556000600055", 5918, 7600, 1 },
    };

    [Theory]
    [MemberData(nameof(Istanbul))]
    public void Istanbul_net_metering_matches_EIP_2200(string code, long gasUsed, long refund, int original) =>
        Check(Fork.Istanbul, code, gasUsed, refund, original);

    [Theory]
    [MemberData(nameof(London))]
    public void London_metering_with_a_warm_slot_matches_EIP_3529(string code, long gasUsed, long refund, int original) =>
        Check(Fork.London, code, gasUsed, refund, original);

    [Fact]
    public void Cold_slot_costs_2100_more_from_Berlin()
    {
        var harness = new EvmHarness(Fork.Berlin);
        harness.Deploy(EvmHarness.Contract, Hex.Decode("0x6001600055"));
        var result = harness.Call(EvmHarness.Contract, gas: 100_000);

        Assert.Equal(20_000 + 2_100 + 6, 100_000 - result.GasLeft);
    }

    [Fact]
    public void Sstore_fails_with_no_more_than_the_2300_sentry_left()
    {
        var harness = new EvmHarness(Fork.Istanbul);
        harness.Deploy(EvmHarness.Contract, Hex.Decode("0x6001600055"));

        var starved = harness.Call(EvmHarness.Contract, gas: 6 + 2_300);
        Assert.Equal(EvmError.OutOfGas, starved.Error);
    }

    [Fact]
    public void Frontier_rules_charge_20000_to_set_and_refund_15000_to_clear()
    {
        var harness = new EvmHarness(Fork.Byzantium);
        harness.World.SetStorage(EvmHarness.Contract, 0, 1);
        harness.Deploy(EvmHarness.Contract, Hex.Decode("0x6000600055600160015500"));
        var result = harness.Call(EvmHarness.Contract, gas: 100_000);

        Assert.Equal(5_000 + 20_000 + 12, 100_000 - result.GasLeft);
        Assert.Equal(15_000, harness.World.Refund);
    }

    private static void Check(Fork fork, string code, long gasUsed, long refund, int original)
    {
        var harness = new EvmHarness(fork);
        if (original != 0)
        {
            harness.World.SetStorage(EvmHarness.Contract, 0, (ulong)original);
        }

        harness.Deploy(EvmHarness.Contract, Hex.Decode(code));
        if (harness.Spec.IsEip2929Enabled)
        {
            // The EIP-3529 vectors assume the slot is already warm (it is in the transaction's access list).
            harness.World.WarmUp(EvmHarness.Contract, UInt256.Zero);
        }

        var result = harness.Call(EvmHarness.Contract, gas: 100_000);

        Assert.True(result.Success);
        Assert.Equal(gasUsed, 100_000 - result.GasLeft);
        Assert.Equal(refund, harness.World.Refund);
    }
}
