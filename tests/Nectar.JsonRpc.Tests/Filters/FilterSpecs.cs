using System.Text.Json;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Filters;
using Nectar.JsonRpc.Testing;
using Nectar.JsonRpc.Tests.Logs.Support;
using Nectar.JsonRpc.Tests.Support;
using Nectar.Privacy.Access;
using static Nectar.JsonRpc.Tests.Logs.Support.ChainRpc;
using Nectar.Tests;

namespace Nectar.JsonRpc.Tests.Filters;

public sealed class FilterSpecs : IDisposable
{
    private static readonly Hash256 T1 = Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000000000f1");
    private static readonly Hash256 T2 = Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000000000f2");

    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRpcAuthenticator _sessions = new();
    private readonly FilterRpcModule _filters;
    private readonly ChainRpc _rpc;

    public FilterSpecs()
        : this(FilterOptions.Default)
    {
    }

    private FilterSpecs(FilterOptions options)
    {
        var chain = new TestChain();
        _filters = new FilterRpcModule(chain, chain, DefaultReadAuthorizer.Instance, options, timeProvider: _clock, sessions: _sessions);
        _rpc = new ChainRpc(chain, configure: b => b.AddModule<IFilterRpcModule>(_filters));
    }

    private TestChain Chain => _rpc.Chain;

    public void Dispose() => _filters.Dispose();

    [Fact]
    public async Task A_block_filter_returns_the_hashes_of_blocks_sealed_since_the_last_poll()
    {
        var alice = As(TestKey.Alice);
        var id = await NewAsync("eth_newBlockFilter", "[]", alice);
        Assert.Matches("^0x[0-9a-f]{32}$", id);

        var first = await MineAsync();
        var second = await MineAsync(Chain.Emit(TestKey.Bob, TestChain.EmitterA, T1));

        Assert.Equal([first.Hash.ToString(), second.Hash.ToString()], await HashesAsync(id, alice));
        Assert.Empty(await HashesAsync(id, alice));
        var third = await MineAsync();
        Assert.Equal([third.Hash.ToString()], await HashesAsync(id, alice));
    }

    [Fact]
    public async Task A_log_filter_returns_each_new_matching_log_once_and_nothing_from_before_it_was_installed()
    {
        var dave = Auditor();
        await MineAsync(Chain.Emit(TestKey.Alice, TestChain.EmitterA, T1, 1));
        var id = await NewAsync("eth_newFilter", $$"""[{"address":"{{TestChain.EmitterA}}"}]""", dave);

        await MineAsync(Chain.Emit(TestKey.Alice, TestChain.EmitterA, T1, 2), Chain.Emit(TestKey.Bob, TestChain.EmitterB, T1, 3));

        var logs = await LogsAsync(id, dave);
        Assert.Equal([2UL], logs.Select(DataOf));
        Assert.Equal("0x0", logs[0].GetProperty("logIndex").GetString());
        Assert.False(logs[0].GetProperty("removed").GetBoolean());
        Assert.Empty(await LogsAsync(id, dave));
    }

    [Fact]
    public async Task A_log_filter_collects_only_logs_its_owner_may_see_and_an_auditor_collects_all()
    {
        var (alice, carol, dave) = (As(TestKey.Alice), As(TestKey.Carol), Auditor());
        var aliceFilter = await NewAsync("eth_newFilter", "[{}]", alice);
        var carolFilter = await NewAsync("eth_newFilter", "[{}]", carol);
        var daveFilter = await NewAsync("eth_newFilter", "[{}]", dave);

        await MineAsync(Chain.Emit(TestKey.Alice, TestChain.EmitterA, T1, 1), Chain.Emit(TestKey.Bob, TestChain.EmitterB, T2, 2));

        Assert.Equal([1UL], (await LogsAsync(aliceFilter, alice)).Select(DataOf));
        Assert.Empty(await LogsAsync(carolFilter, carol));
        Assert.Equal([1UL, 2], (await LogsAsync(daveFilter, dave)).Select(DataOf));
    }

    [Fact]
    public async Task A_poll_checks_collected_logs_again_against_the_callers_current_roles()
    {
        var id = await NewAsync("eth_newFilter", "[{}]", Auditor("sid_dave"));
        await MineAsync(Chain.Emit(TestKey.Bob, TestChain.EmitterB, T2, 2));

        // The same session after the auditor role was withdrawn.
        Assert.Empty(await LogsAsync(id, As(TestKey.Dave, "sid_dave", RoleNames.User)));
    }

    [Fact]
    public async Task A_filter_is_invisible_to_other_sessions_with_the_same_error_as_an_unknown_id()
    {
        var owner = As(TestKey.Alice, "sid_a1");
        var id = await NewAsync("eth_newBlockFilter", "[]", owner);
        await MineAsync();

        var unknown = await _rpc.ErrorAsync("eth_getFilterChanges", """["0x0123456789abcdef0123456789abcdef"]""", owner);
        var otherAccount = await _rpc.ErrorAsync("eth_getFilterChanges", $"[\"{id}\"]", As(TestKey.Bob));
        var otherSession = await _rpc.ErrorAsync("eth_getFilterChanges", $"[\"{id}\"]", As(TestKey.Alice, "sid_a2"));
        var logsOfOther = await _rpc.ErrorAsync("eth_getFilterLogs", $"[\"{id}\"]", As(TestKey.Bob));

        Assert.Equal((-32000, "filter not found"), unknown);
        Assert.Equal(unknown, otherAccount);
        Assert.Equal(unknown, otherSession);
        Assert.Equal(unknown, logsOfOther);
        Assert.False((await _rpc.ResultAsync("eth_uninstallFilter", $"[\"{id}\"]", As(TestKey.Bob))).GetBoolean());
        Assert.Single(await HashesAsync(id, owner));
    }

    [Fact]
    public async Task A_filter_expires_after_five_minutes_without_a_poll_and_each_poll_restarts_the_clock()
    {
        var alice = As(TestKey.Alice);
        var id = await NewAsync("eth_newBlockFilter", "[]", alice);

        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Empty(await HashesAsync(id, alice));
        _clock.Advance(TimeSpan.FromSeconds(299));
        Assert.Empty(await HashesAsync(id, alice));
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal((-32000, "filter not found"), await _rpc.ErrorAsync("eth_getFilterChanges", $"[\"{id}\"]", alice));
    }

    [Fact]
    public async Task The_sweep_uninstalls_expired_filters_without_waiting_for_a_poll()
    {
        await NewAsync("eth_newBlockFilter", "[]", As(TestKey.Alice));
        await NewAsync("eth_newFilter", "[{}]", As(TestKey.Bob));
        Assert.Equal(2, _filters.Count);

        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(30));

        Assert.Equal(0, _filters.Count);
    }

    [Fact]
    public async Task A_sessions_filters_go_when_the_session_ends()
    {
        var (token, session) = _sessions.Issue(TestKey.Alice.Address, TimeSpan.FromHours(1));
        _ = token;
        var id = await NewAsync("eth_newBlockFilter", "[]", As(TestKey.Alice, session));
        await NewAsync("eth_newBlockFilter", "[]", As(TestKey.Bob));

        _sessions.End(session);

        Assert.Equal(1, _filters.Count);
        Assert.Equal(-32000, (await _rpc.ErrorAsync("eth_getFilterChanges", $"[\"{id}\"]", As(TestKey.Alice, session))).Code);
    }

    [Fact]
    public async Task Refuses_filters_beyond_the_per_session_and_node_limits()
    {
        using var spec = new FilterSpecs(new FilterOptions { MaxFiltersPerSession = 2, MaxFilters = 3 });
        var alice = As(TestKey.Alice);
        await spec.NewAsync("eth_newBlockFilter", "[]", alice);
        var second = await spec.NewAsync("eth_newFilter", "[{}]", alice);

        var (code, message) = await spec._rpc.ErrorAsync("eth_newPendingTransactionFilter", "[]", alice);
        Assert.Equal(-32094, code);
        Assert.Equal("too many filters: at most 2 per session", message);

        await spec.NewAsync("eth_newBlockFilter", "[]", As(TestKey.Bob));
        Assert.Equal(-32094, (await spec._rpc.ErrorAsync("eth_newBlockFilter", "[]", As(TestKey.Carol))).Code);

        Assert.True((await spec._rpc.ResultAsync("eth_uninstallFilter", $"[\"{second}\"]", alice)).GetBoolean());
        await spec.NewAsync("eth_newBlockFilter", "[]", alice);
    }

    [Fact]
    public async Task Drops_a_filter_whose_client_stopped_polling_once_it_holds_too_many_changes()
    {
        using var spec = new FilterSpecs(new FilterOptions { MaxPendingChanges = 2 });
        var alice = As(TestKey.Alice);
        var id = await spec.NewAsync("eth_newBlockFilter", "[]", alice);
        var kept = await spec.NewAsync("eth_newBlockFilter", "[]", As(TestKey.Bob));

        await spec.MineAsync();
        await spec.MineAsync();
        Assert.Equal(2, (await spec.HashesAsync(kept, As(TestKey.Bob))).Count);
        await spec.MineAsync();

        Assert.Equal(-32000, (await spec._rpc.ErrorAsync("eth_getFilterChanges", $"[\"{id}\"]", alice)).Code);
        Assert.Single(await spec.HashesAsync(kept, As(TestKey.Bob)));
    }

    [Fact]
    public async Task Filter_logs_runs_the_criteria_over_the_chain_for_the_caller()
    {
        var alice = As(TestKey.Alice);
        await MineAsync(Chain.Emit(TestKey.Alice, TestChain.EmitterA, T1, 1), Chain.Emit(TestKey.Bob, TestChain.EmitterA, T1, 2));
        var id = await NewAsync("eth_newFilter", """[{"fromBlock":"earliest"}]""", alice);
        await MineAsync(Chain.Emit(TestKey.Alice, TestChain.EmitterB, T1, 3));

        var all = await _rpc.ResultAsync("eth_getFilterLogs", $"[\"{id}\"]", alice);
        Assert.Equal([1UL, 3], all.EnumerateArray().Select(DataOf));

        // Filter logs do not consume the changes.
        Assert.Equal([3UL], (await LogsAsync(id, alice)).Select(DataOf));

        var blocks = await NewAsync("eth_newBlockFilter", "[]", alice);
        Assert.Equal((-32000, "filter not found"), await _rpc.ErrorAsync("eth_getFilterLogs", $"[\"{blocks}\"]", alice));
    }

    [Fact]
    public async Task A_log_filters_block_numbers_bound_which_new_blocks_count()
    {
        var dave = Auditor();
        var next = Chain.Head.Number + 1;
        var id = await NewAsync("eth_newFilter", $$"""[{"fromBlock":"{{Hex(next)}}","toBlock":"{{Hex(next)}}"}]""", dave);

        await MineAsync(Chain.Emit(TestKey.Alice, TestChain.EmitterA, T1, 1));
        await MineAsync(Chain.Emit(TestKey.Alice, TestChain.EmitterA, T1, 2));

        Assert.Equal([1UL], (await LogsAsync(id, dave)).Select(DataOf));
    }

    [Fact]
    public async Task A_pending_transaction_filter_never_reports_anything()
    {
        var alice = As(TestKey.Alice);
        var id = await NewAsync("eth_newPendingTransactionFilter", "[]", alice);
        await MineAsync(Chain.Emit(TestKey.Alice, TestChain.EmitterA, T1));

        Assert.Empty(await HashesAsync(id, alice));
    }

    [Fact]
    public async Task After_a_revert_delivered_logs_come_back_removed_and_undelivered_ones_disappear()
    {
        var alice = As(TestKey.Alice);
        var id = await NewAsync("eth_newFilter", "[{}]", alice);
        var start = Chain.Head.Number;
        await MineAsync(Chain.Emit(TestKey.Alice, TestChain.EmitterA, T1, 1));
        Assert.Equal([1UL], (await LogsAsync(id, alice)).Select(DataOf));
        await MineAsync(Chain.Emit(TestKey.Alice, TestChain.EmitterA, T1, 2));

        var before = _filters.ProcessedEvents;
        Chain.RevertTo(start);
        await Eventually.True(() => _filters.ProcessedEvents > before, "the revert");

        var logs = await LogsAsync(id, alice);
        var removed = Assert.Single(logs);
        Assert.Equal(1UL, DataOf(removed));
        Assert.True(removed.GetProperty("removed").GetBoolean());

        await MineAsync(Chain.Emit(TestKey.Alice, TestChain.EmitterA, T1, 3));
        Assert.Equal([3UL], (await LogsAsync(id, alice)).Select(DataOf));
    }

    [Fact]
    public async Task Uninstalling_answers_true_once_then_false()
    {
        var alice = As(TestKey.Alice);
        var id = await NewAsync("eth_newBlockFilter", "[]", alice);

        Assert.True((await _rpc.ResultAsync("eth_uninstallFilter", $"[\"{id}\"]", alice)).GetBoolean());
        Assert.False((await _rpc.ResultAsync("eth_uninstallFilter", $"[\"{id}\"]", alice)).GetBoolean());
        Assert.Equal(-32000, (await _rpc.ErrorAsync("eth_getFilterChanges", $"[\"{id}\"]", alice)).Code);
    }

    [Fact]
    public async Task Refuses_a_block_hash_in_a_filter_and_anonymous_callers()
    {
        var (code, message) = await _rpc.ErrorAsync("eth_newFilter", """[{"blockHash":"0x0000000000000000000000000000000000000000000000000000000000000001"}]""", As(TestKey.Alice));
        Assert.Equal(-32602, code);
        Assert.Contains("blockHash", message, StringComparison.Ordinal);
        Assert.Equal(-32090, (await _rpc.ErrorAsync("eth_newBlockFilter", "[]", Anonymous())).Code);
    }

    private static ulong DataOf(JsonElement log) => Convert.ToUInt64(log.GetProperty("data").GetString()![^16..], 16);

    private async Task<string> NewAsync(string method, string paramsJson, RpcCallContext context) =>
        (await _rpc.ResultAsync(method, paramsJson, context)).GetString()!;

    private async Task<List<string?>> HashesAsync(string id, RpcCallContext context) =>
        [.. (await _rpc.ResultAsync("eth_getFilterChanges", $"[\"{id}\"]", context)).EnumerateArray().Select(h => h.GetString())];

    private async Task<List<JsonElement>> LogsAsync(string id, RpcCallContext context) =>
        [.. (await _rpc.ResultAsync("eth_getFilterChanges", $"[\"{id}\"]", context)).EnumerateArray()];

    private async Task<Core.Blocks.Block> MineAsync(params Core.Transactions.Transaction[] transactions)
    {
        var expected = _filters.ProcessedEvents + 1;
        var block = Chain.Mine(transactions);
        await Eventually.True(() => _filters.ProcessedEvents >= expected, "the filters to see the block");
        return block;
    }
}
