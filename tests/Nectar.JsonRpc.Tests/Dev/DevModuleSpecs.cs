using Nectar.JsonRpc.Dev;
using Nectar.JsonRpc.Tests.Logs.Support;
using static Nectar.JsonRpc.Tests.Logs.Support.ChainRpc;

namespace Nectar.JsonRpc.Tests.Dev;

public sealed class DevModuleSpecs
{
    private readonly TestChain _chain = new();
    private readonly FakeDevChainControls _controls;
    private readonly ChainRpc _rpc;

    public DevModuleSpecs()
    {
        _controls = new FakeDevChainControls(_chain);
        _rpc = new ChainRpc(_chain, configure: b => b.AddModule<IDevRpcModule>(new DevRpcModule(_controls, _chain, new DevRpcOptions { MaxBlocksPerCall = 100 })));
    }

    private ulong Later => _chain.Head.Timestamp + 100;

    [Fact]
    public async Task Evm_mine_seals_one_block_now_and_answers_zero()
    {
        Assert.Equal("0x0", (await _rpc.ResultAsync("evm_mine", "[]", As(TestKey.Alice))).GetString());
        Assert.Equal("0x0", (await _rpc.ResultAsync("evm_mine", "[null]", As(TestKey.Alice))).GetString());

        Assert.Equal(["mine 1 now", "mine 1 now"], _controls.Calls);
        Assert.Equal(2UL, _chain.Head.Number);
    }

    [Fact]
    public async Task Evm_mine_accepts_a_timestamp_as_number_or_quantity_and_the_options_object()
    {
        var t = Later;
        await _rpc.ResultAsync("evm_mine", $"[{t}]", As(TestKey.Alice));
        await _rpc.ResultAsync("evm_mine", $"[\"{Hex(t + 1)}\"]", As(TestKey.Alice));
        await _rpc.ResultAsync("evm_mine", $$"""[{"timestamp":{{t + 2}},"blocks":3}]""", As(TestKey.Alice));
        await _rpc.ResultAsync("evm_mine", """[{"blocks":"0x2"}]""", As(TestKey.Alice));

        Assert.Equal([$"mine 1 {t}", $"mine 1 {t + 1}", $"mine 3 {t + 2}", "mine 2 now"], _controls.Calls);
    }

    [Theory]
    [InlineData("""[{"blocks":0}]""")]
    [InlineData("""[{"blocks":101}]""")]
    [InlineData("""[{"count":1}]""")]
    [InlineData("""["12"]""")]
    [InlineData("""[-1]""")]
    [InlineData("""[true]""")]
    public async Task Evm_mine_refuses_malformed_options_and_too_many_blocks(string paramsJson)
    {
        Assert.Equal(-32602, (await _rpc.ErrorAsync("evm_mine", paramsJson, As(TestKey.Alice))).Code);
        Assert.Empty(_controls.Calls);
    }

    [Fact]
    public async Task Refuses_timestamps_not_after_the_head_as_anvil_does()
    {
        var head = _chain.Head.Timestamp;

        var (code, message) = await _rpc.ErrorAsync("evm_mine", $"[{head}]", As(TestKey.Alice));
        Assert.Equal(-32602, code);
        Assert.Equal($"Timestamp error: {head} is lower than or equal to previous block's timestamp", message);
        Assert.Equal(-32602, (await _rpc.ErrorAsync("evm_setNextBlockTimestamp", "[1]", As(TestKey.Alice))).Code);
        Assert.Empty(_controls.Calls);
    }

    [Fact]
    public async Task Anvil_mine_seals_a_count_of_blocks_optionally_spaced_by_an_interval()
    {
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await _rpc.ResultAsync("anvil_mine", """["0x2"]""", As(TestKey.Alice))).ValueKind);
        var head = _chain.Head.Timestamp;
        await _rpc.ResultAsync("anvil_mine", """[2, "0x3c"]""", As(TestKey.Alice));
        await _rpc.ResultAsync("anvil_mine", "[]", As(TestKey.Alice));

        Assert.Equal(["mine 2 now", $"mine 1 {head + 60}", $"mine 1 {head + 12 + 60}", "mine 1 now"], _controls.Calls);
    }

    [Fact]
    public async Task Snapshot_and_revert_return_the_chain_to_the_snapshot_once()
    {
        var alice = As(TestKey.Alice);
        Assert.Equal("0x0", (await _rpc.ResultAsync("evm_snapshot", "[]", alice)).GetString());
        var start = _chain.Head.Number;
        await _rpc.ResultAsync("evm_mine", """[{"blocks":3}]""", alice);
        Assert.Equal("0x1", (await _rpc.ResultAsync("evm_snapshot", "[]", alice)).GetString());

        Assert.True((await _rpc.ResultAsync("evm_revert", """["0x0"]""", alice)).GetBoolean());
        Assert.Equal(start, _chain.Head.Number);
        Assert.False((await _rpc.ResultAsync("evm_revert", """["0x1"]""", alice)).GetBoolean());
        Assert.False((await _rpc.ResultAsync("evm_revert", "[0]", alice)).GetBoolean());
    }

    [Fact]
    public async Task Set_next_timestamp_and_increase_time_reach_the_controls_and_answer_as_anvil()
    {
        var t = Later;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await _rpc.ResultAsync("evm_setNextBlockTimestamp", $"[\"{Hex(t)}\"]", As(TestKey.Alice))).ValueKind);

        Assert.Equal(100, (await _rpc.ResultAsync("evm_increaseTime", "[100]", As(TestKey.Alice))).GetInt64());
        Assert.Equal(116, (await _rpc.ResultAsync("evm_increaseTime", """["0x10"]""", As(TestKey.Alice))).GetInt64());
        Assert.Equal([$"next {t}", "increase 100", "increase 16"], _controls.Calls);
    }

    [Fact]
    public async Task Needs_an_authenticated_caller()
    {
        Assert.Equal(-32090, (await _rpc.ErrorAsync("evm_mine", "[]", Anonymous())).Code);
        Assert.Equal(-32090, (await _rpc.ErrorAsync("evm_snapshot", "[]", Anonymous())).Code);
        Assert.Empty(_controls.Calls);
    }

    [Fact]
    public async Task Without_the_module_the_methods_do_not_exist()
    {
        var production = new ChainRpc();

        foreach (var method in new[] { "evm_mine", "evm_snapshot", "evm_revert", "evm_setNextBlockTimestamp", "evm_increaseTime", "anvil_mine" })
        {
            Assert.Equal(-32601, (await production.ErrorAsync(method, "[]", As(TestKey.Alice))).Code);
        }
    }
}
