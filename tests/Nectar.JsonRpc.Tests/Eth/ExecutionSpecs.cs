using Nectar.Core.Encoding;
using Nectar.JsonRpc.Tests.Eth.Support;
using static Nectar.JsonRpc.Tests.Eth.Support.EthHarness;

namespace Nectar.JsonRpc.Tests.Eth;

public sealed class ExecutionSpecs
{
    [Fact]
    public async Task Call_runs_as_the_caller_when_from_is_absent()
    {
        var harness = new EthHarness();

        var result = await harness.CallAsync("eth_call", $"[{{\"to\":\"{Whoami}\"}},\"latest\"]", AsBob);

        Assert.Equal("0x000000000000000000000000" + Bob.ToString()[2..], Result(result).GetString());
    }

    [Fact]
    public async Task Call_accepts_the_callers_own_from_and_the_block_omitted()
    {
        var harness = new EthHarness();

        var result = await harness.CallAsync("eth_call", $"[{{\"from\":\"{Bob}\",\"to\":\"{Whoami}\",\"input\":\"0x\"}}]", AsBob);

        Assert.Equal("0x000000000000000000000000" + Bob.ToString()[2..], Result(result).GetString());
    }

    [Fact]
    public async Task Call_reads_the_state_of_the_block_asked_for()
    {
        var harness = new EthHarness();
        await harness.SendAsync(DynamicFee(AliceKey, 0, Swap, data: Hex.Decode(Word(7))), AsAlice);
        harness.Mine();
        await harness.SendAsync(DynamicFee(AliceKey, 1, Swap, data: Hex.Decode(Word(9))), AsAlice);
        harness.Mine();

        var atOne = await harness.CallAsync("eth_call", $"[{{\"to\":\"{Swap}\"}},\"0x1\"]", AsBob);
        var latest = await harness.CallAsync("eth_call", $"[{{\"to\":\"{Swap}\"}},\"latest\"]", AsBob);

        Assert.Equal(Word(7), Result(atOne).GetString());
        Assert.Equal(Word(9), Result(latest).GetString());
    }

    [Fact]
    public async Task Revert_is_error_3_with_the_reason_and_the_data()
    {
        var harness = new EthHarness();
        var expected = ExecutionApis.Response("eth_call", "call-revert-abi-error.io").GetProperty("error");

        var response = await harness.CallAsync("eth_call", $"[{{\"to\":\"{Reverter}\"}},\"latest\"]", AsBob);

        var error = response.GetProperty("error");
        Assert.Equal(ExecutionApis.Keys(expected), ExecutionApis.Keys(error));
        Assert.Equal(3, error.GetProperty("code").GetInt32());
        Assert.Equal("execution reverted: nope", error.GetProperty("message").GetString());
        Assert.Equal(Hex.ToHexString(RevertData()), error.GetProperty("data").GetString());
    }

    [Fact]
    public async Task Halting_call_is_a_server_error_with_geths_text()
    {
        var harness = new EthHarness();
        await harness.SendAsync(DynamicFee(AliceKey, 0, null, data: Hex.Decode("0x600a600c600039600a6000f35b600056000000000000"), gas: 200_000), AsAlice);
        harness.Mine();
        var looper = Core.Primitives.Address.Create(Alice, 0);

        var response = await harness.CallAsync("eth_call", $"[{{\"to\":\"{looper}\",\"gas\":\"0x186a0\"}},\"latest\"]", AsBob);

        Assert.Equal((-32000, "out of gas"), Error(response));
    }

    [Fact]
    public async Task Estimate_of_a_transfer_is_21000_as_in_the_execution_apis_case()
    {
        var harness = new EthHarness();
        var expected = ExecutionApis.Response("eth_estimateGas", "estimate-simple-transfer.io").GetProperty("result").GetString();

        var response = await harness.CallAsync("eth_estimateGas", $"[{{\"to\":\"{Carol}\",\"value\":\"0x1\"}}]", AsAlice);

        Assert.Equal(expected, Result(response).GetString());
    }

    [Fact]
    public async Task Estimate_is_enough_for_the_transaction_to_succeed()
    {
        var harness = new EthHarness();

        var estimate = Convert.ToUInt64(Result(await harness.CallAsync("eth_estimateGas", $"[{{\"to\":\"{Forwarder}\"}}]", AsAlice)).GetString(), 16);
        await harness.SendAsync(DynamicFee(AliceKey, 0, Forwarder, gas: estimate), AsAlice);
        var block = harness.Mine();

        var receipt = Result(await harness.CallAsync("eth_getTransactionReceipt", $"[\"{block.Transactions[0].Hash}\"]", AsAlice));
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        Assert.Single(receipt.GetProperty("logs").EnumerateArray());
    }

    [Fact]
    public async Task Estimate_of_a_reverting_call_is_error_3_with_the_data()
    {
        var harness = new EthHarness();

        var response = await harness.CallAsync("eth_estimateGas", $"[{{\"to\":\"{Reverter}\"}}]", AsAlice);

        var error = response.GetProperty("error");
        Assert.Equal(3, error.GetProperty("code").GetInt32());
        Assert.Equal(Hex.ToHexString(RevertData()), error.GetProperty("data").GetString());
    }

    [Fact]
    public async Task Access_list_has_the_touched_slots_and_the_gas_with_them()
    {
        var harness = new EthHarness();
        var expected = ExecutionApis.Response("eth_createAccessList", "create-al-contract-eip1559.io").GetProperty("result");

        var result = Result(await harness.CallAsync("eth_createAccessList", $"[{{\"to\":\"{Swap}\",\"input\":\"{Word(3)}\"}},\"latest\"]", AsAlice));

        Assert.Equal(ExecutionApis.Keys(expected), ExecutionApis.Keys(result));
        var entry = Assert.Single(result.GetProperty("accessList").EnumerateArray());
        Assert.Equal(Swap.ToString(), entry.GetProperty("address").GetString());
        Assert.Equal(Word(0), Assert.Single(entry.GetProperty("storageKeys").EnumerateArray()).GetString());
        Assert.StartsWith("0x", result.GetProperty("gasUsed").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_list_of_a_reverting_call_reports_the_error_in_the_result()
    {
        var harness = new EthHarness();
        var expected = ExecutionApis.Response("eth_createAccessList", "create-al-abi-revert.io").GetProperty("result");

        var result = Result(await harness.CallAsync("eth_createAccessList", $"[{{\"to\":\"{Reverter}\"}},\"latest\"]", AsAlice));

        Assert.Equal(ExecutionApis.Keys(expected), ExecutionApis.Keys(result));
        Assert.Equal("execution reverted", result.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Call_with_data_and_input_that_differ_is_invalid()
    {
        var harness = new EthHarness();

        var response = await harness.CallAsync("eth_call", $"[{{\"to\":\"{Swap}\",\"data\":\"0x01\",\"input\":\"0x02\"}},\"latest\"]", AsAlice);

        Assert.Equal(RpcErrorCodes.InvalidParams, Error(response).Code);
    }

    [Fact]
    public async Task State_overrides_are_refused_clearly()
    {
        var harness = new EthHarness();

        var response = await harness.CallAsync("eth_call", $"[{{\"to\":\"{Swap}\"}},\"latest\",{{\"{Swap}\":{{\"balance\":\"0x1\"}}}}]", AsAlice);

        Assert.Equal((RpcErrorCodes.InvalidParams, "state overrides are not supported"), Error(response));
    }

    [Fact]
    public async Task Both_fee_styles_are_invalid_params()
    {
        var harness = new EthHarness();

        var response = await harness.CallAsync("eth_call", $"[{{\"to\":\"{Swap}\",\"gasPrice\":\"0x1\",\"maxFeePerGas\":\"0x2\"}},\"latest\"]", AsAlice);

        Assert.Equal(RpcErrorCodes.InvalidParams, Error(response).Code);
    }

    [Fact]
    public async Task Priced_call_the_caller_cannot_pay_for_is_a_server_error()
    {
        var harness = new EthHarness();

        var response = await harness.CallAsync("eth_call", $"[{{\"to\":\"{Swap}\",\"gasPrice\":\"0x174876e800\"}},\"latest\"]", AsCarol);

        var (code, message) = Error(response);
        Assert.Equal(-32000, code);
        Assert.StartsWith("insufficient funds for gas * price + value", message, StringComparison.Ordinal);
    }
}
