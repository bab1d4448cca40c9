using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.JsonRpc.Tests.Eth.Support;
using static Nectar.JsonRpc.Tests.Eth.Support.EthHarness;

namespace Nectar.JsonRpc.Tests.Eth;

public sealed class FeeSpecs
{
    [Fact]
    public async Task Gas_price_is_the_next_base_fee_plus_the_suggested_tip()
    {
        var harness = new EthHarness();
        var head = harness.Mine().Header;
        var next = BaseFee.Next(head, harness.Forks.Genesis)!.Value;

        var price = await harness.CallAsync("eth_gasPrice", "[]", AsCarol);
        var tip = await harness.CallAsync("eth_maxPriorityFeePerGas", "[]", AsCarol);

        Assert.Equal((next + 1_000_000_000).ToHexQuantity(), Result(price).GetString());
        Assert.Equal("0x3b9aca00", Result(tip).GetString());
    }

    [Fact]
    public async Task Fee_history_has_one_more_base_fee_than_blocks_and_the_execution_apis_members()
    {
        var harness = new EthHarness();
        harness.Mine();
        harness.Mine();
        harness.Mine();
        var expected = ExecutionApis.Response("eth_feeHistory", "fee-history.io").GetProperty("result");

        var history = Result(await harness.CallAsync("eth_feeHistory", "[\"0x2\",\"latest\",[25,75]]", AsCarol));

        Assert.Equal(ExecutionApis.Keys(expected), ExecutionApis.Keys(history));
        Assert.Equal("0x2", history.GetProperty("oldestBlock").GetString());
        Assert.Equal(3, history.GetProperty("baseFeePerGas").GetArrayLength());
        Assert.Equal(2, history.GetProperty("gasUsedRatio").GetArrayLength());
        Assert.Equal(3, history.GetProperty("baseFeePerBlobGas").GetArrayLength());
        Assert.Equal(2, history.GetProperty("blobGasUsedRatio").GetArrayLength());
        Assert.Equal(BaseFee.Next(harness.Chain.Head.Header, harness.Forks.Genesis)!.Value.ToHexQuantity(), history.GetProperty("baseFeePerGas")[2].GetString());
    }

    [Fact]
    public async Task Rewards_are_given_for_empty_blocks_as_zeros_as_hardhat_reads_them()
    {
        var harness = new EthHarness();
        harness.Mine();

        var history = Result(await harness.CallAsync("eth_feeHistory", "[\"0x1\",\"latest\",[50]]", AsCarol));

        Assert.Equal("0x0", history.GetProperty("reward")[0][0].GetString());
    }

    [Fact]
    public async Task Rewards_are_the_effective_tips_at_the_percentiles_of_gas()
    {
        var harness = new EthHarness();
        await harness.SendAsync(DynamicFee(AliceKey, 0, Carol, 1), AsAlice);
        harness.Mine();

        var history = Result(await harness.CallAsync("eth_feeHistory", "[1,\"latest\",[0,100]]", AsCarol));

        Assert.Equal("0x77359400", history.GetProperty("reward")[0][0].GetString());
        Assert.Equal("0x77359400", history.GetProperty("reward")[0][1].GetString());
        Assert.True(history.GetProperty("gasUsedRatio")[0].GetDouble() > 0);
    }

    [Fact]
    public async Task Without_percentiles_there_is_no_reward_member()
    {
        var harness = new EthHarness();
        harness.Mine();

        var history = Result(await harness.CallAsync("eth_feeHistory", "[\"0x5\",\"latest\"]", AsCarol));

        Assert.False(history.TryGetProperty("reward", out _));
        Assert.Equal("0x0", history.GetProperty("oldestBlock").GetString());
        Assert.Equal(3, history.GetProperty("baseFeePerGas").GetArrayLength());
    }

    [Theory]
    [InlineData("[\"0x1\",\"latest\",[75,25]]")]
    [InlineData("[\"0x1\",\"latest\",[101]]")]
    [InlineData("[\"0x1\",\"latest\",[\"50\"]]")]
    [InlineData("[\"one\",\"latest\"]")]
    [InlineData("[-1,\"latest\"]")]
    public async Task Invalid_fee_history_parameters_are_invalid_params(string parameters)
    {
        var harness = new EthHarness();

        var response = await harness.CallAsync("eth_feeHistory", parameters, AsCarol);

        Assert.Equal(RpcErrorCodes.InvalidParams, Error(response).Code);
    }

    [Fact]
    public void Suggested_tip_is_one_gwei_by_default()
    {
        Assert.Equal(new UInt256(1_000_000_000), Nectar.JsonRpc.Eth.EthRpcOptions.Default.SuggestedPriorityFee);
    }
}
