using System.Text.Json;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.JsonRpc.Logs;
using Nectar.JsonRpc.Tests.Logs.Support;
using static Nectar.JsonRpc.Tests.Logs.Support.ChainRpc;

namespace Nectar.JsonRpc.Tests.Logs;

/// <summary>
/// eth_getLogs over a real chain. Block 1: Alice calls emitter A (topic1 = T1, data 1), Bob calls emitter B (T2, 2).
/// Block 2: empty. Block 3: Alice calls emitter B (T1, 3), Carol calls emitter A (T3, 4). Dave is an auditor.
/// </summary>
public sealed class GetLogsSpecs
{
    private static readonly Hash256 T1 = Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000000000f1");
    private static readonly Hash256 T2 = Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000000000f2");
    private static readonly Hash256 T3 = Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000000000f3");

    private readonly ChainRpc _rpc;
    private readonly Block _block1;
    private readonly Block _block3;

    public GetLogsSpecs()
        : this(null)
    {
    }

    private GetLogsSpecs(LogQueryOptions? limits, TestChain? chain = null)
    {
        _rpc = new ChainRpc(chain, limits);
        var c = _rpc.Chain;
        _block1 = c.Mine(c.Emit(TestKey.Alice, TestChain.EmitterA, T1, 1), c.Emit(TestKey.Bob, TestChain.EmitterB, T2, 2));
        c.Mine();
        _block3 = c.Mine(c.Emit(TestKey.Alice, TestChain.EmitterB, T1, 3), c.Emit(TestKey.Carol, TestChain.EmitterA, T3, 4));
    }

    [Fact]
    public async Task Returns_every_member_of_each_log_in_chain_order_with_block_wide_log_indexes()
    {
        var logs = await LogsAsync("""{"fromBlock":"earliest","toBlock":"latest"}""", Auditor());

        Assert.Equal([1UL, 2, 3, 4], logs.Select(DataOf));
        var carol = logs[3];
        Assert.Equal(TestChain.EmitterA.ToString(), carol.GetProperty("address").GetString());
        Assert.Equal([TestChain.EventTopic.ToString(), T3.ToString()], carol.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("0x" + new string('0', 63) + "4", carol.GetProperty("data").GetString());
        Assert.Equal("0x3", carol.GetProperty("blockNumber").GetString());
        Assert.Equal(_block3.Transactions[1].Hash.ToString(), carol.GetProperty("transactionHash").GetString());
        Assert.Equal("0x1", carol.GetProperty("transactionIndex").GetString());
        Assert.Equal(_block3.Hash.ToString(), carol.GetProperty("blockHash").GetString());
        Assert.Equal(Hex(_block3.Header.Timestamp), carol.GetProperty("blockTimestamp").GetString());
        Assert.Equal("0x1", carol.GetProperty("logIndex").GetString());
        Assert.False(carol.GetProperty("removed").GetBoolean());
        Assert.Equal(
            ["address", "topics", "data", "blockNumber", "transactionHash", "transactionIndex", "blockHash", "blockTimestamp", "logIndex", "removed"],
            carol.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("""{"fromBlock":"0x0","address":"0x00000000000000000000000000000000000000a1"}""", new ulong[] { 1, 4 })]
    [InlineData("""{"fromBlock":"0x0","address":["0x00000000000000000000000000000000000000b2"]}""", new ulong[] { 2, 3 })]
    [InlineData("""{"fromBlock":"0x0","address":["0x00000000000000000000000000000000000000a1","0x00000000000000000000000000000000000000b2"]}""", new ulong[] { 1, 2, 3, 4 })]
    [InlineData("""{"fromBlock":"0x0","address":[]}""", new ulong[] { 1, 2, 3, 4 })]
    [InlineData("""{"fromBlock":"0x0","address":null}""", new ulong[] { 1, 2, 3, 4 })]
    [InlineData("""{"fromBlock":"0x0","address":"0x00000000000000000000000000000000000000c3"}""", new ulong[0])]
    public async Task Filters_by_one_address_or_any_of_several(string filter, ulong[] expected) =>
        Assert.Equal(expected, (await LogsAsync(filter, Auditor())).Select(DataOf));

    [Theory]
    [InlineData("""[null,"0x00000000000000000000000000000000000000000000000000000000000000f1"]""", new ulong[] { 1, 3 })]
    [InlineData("""[[],"0x00000000000000000000000000000000000000000000000000000000000000f1"]""", new ulong[] { 1, 3 })]
    [InlineData("""[["0x1111111111111111111111111111111111111111111111111111111111111111",null],["0x00000000000000000000000000000000000000000000000000000000000000f1"]]""", new ulong[] { 1, 3 })]
    [InlineData("""["0x1111111111111111111111111111111111111111111111111111111111111111"]""", new ulong[] { 1, 4 })]
    [InlineData("""[["0x1111111111111111111111111111111111111111111111111111111111111111"],["0x00000000000000000000000000000000000000000000000000000000000000f3"]]""", new ulong[] { 4 })]
    [InlineData("""[null,["0x00000000000000000000000000000000000000000000000000000000000000f2","0x00000000000000000000000000000000000000000000000000000000000000f3"]]""", new ulong[] { 2, 4 })]
    [InlineData("""["0x2222222222222222222222222222222222222222222222222222222222222222","0x00000000000000000000000000000000000000000000000000000000000000f3"]""", new ulong[0])]
    [InlineData("""[null,null,null]""", new ulong[0])]
    [InlineData("""[null,null]""", new ulong[] { 1, 2, 3, 4 })]
    [InlineData("""[]""", new ulong[] { 1, 2, 3, 4 })]
    public async Task Matches_topics_by_position_with_null_wildcards_and_alternatives(string topics, ulong[] expected) =>
        Assert.Equal(expected, (await LogsAsync($$"""{"fromBlock":"earliest","topics":{{topics}}}""", Auditor())).Select(DataOf));

    [Theory]
    [InlineData("{}", new ulong[] { 3, 4 })]
    [InlineData("""{"fromBlock":"pending","toBlock":"pending"}""", new ulong[] { 3, 4 })]
    [InlineData("""{"fromBlock":"safe"}""", new ulong[] { 3, 4 })]
    [InlineData("""{"fromBlock":"finalized","toBlock":"latest"}""", new ulong[] { 3, 4 })]
    [InlineData("""{"fromBlock":"0x1","toBlock":"0x1"}""", new ulong[] { 1, 2 })]
    [InlineData("""{"fromBlock":"0x2","toBlock":"0x2"}""", new ulong[0])]
    [InlineData("""{"fromBlock":"0x1","toBlock":"0x2"}""", new ulong[] { 1, 2 })]
    [InlineData("""{"fromBlock":"earliest","toBlock":"0x1"}""", new ulong[] { 1, 2 })]
    [InlineData("""{"toBlock":"0x3"}""", new ulong[] { 3, 4 })]
    [InlineData("""{"fromBlock":"0x0","toBlock":"earliest"}""", new ulong[0])]
    public async Task Resolves_ranges_with_tags_and_numbers_defaulting_to_latest(string filter, ulong[] expected) =>
        Assert.Equal(expected, (await LogsAsync(filter, Auditor())).Select(DataOf));

    [Fact]
    public async Task Reads_one_block_by_hash_and_applies_the_criteria_to_it()
    {
        Assert.Equal([1UL, 2], (await LogsAsync($$"""{"blockHash":"{{_block1.Hash}}"}""", Auditor())).Select(DataOf));
        Assert.Equal([2UL], (await LogsAsync($$"""{"blockHash":"{{_block1.Hash}}","address":"{{TestChain.EmitterB}}"}""", Auditor())).Select(DataOf));
    }

    [Theory]
    [InlineData("""{"fromBlock":"0x3","toBlock":"0x1"}""", -32602, "invalid block range params")]
    [InlineData("""{"fromBlock":"0x32","toBlock":"0x2f"}""", -32602, "invalid block range params")]
    [InlineData("""{"fromBlock":"latest","toBlock":"earliest"}""", -32602, "invalid block range params")]
    [InlineData("""{"fromBlock":"0x4"}""", -32602, "block range extends beyond current head block")]
    [InlineData("""{"fromBlock":"0x4","toBlock":"latest"}""", -32602, "block range extends beyond current head block")]
    [InlineData("""{"fromBlock":"0x1","toBlock":"0x4"}""", -32602, "block range extends beyond current head block")]
    [InlineData("""{"fromBlock":"0x32","toBlock":"0x38"}""", -32602, "block range extends beyond current head block")]
    [InlineData("""{"blockHash":"0x0000000000000000000000000000000000000000000000000000000000000001"}""", -32000, "unknown block")]
    [InlineData("""{"blockHash":"0x0000000000000000000000000000000000000000000000000000000000000001","fromBlock":"0x1"}""", -32602, "invalid argument 0 (filter): cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other")]
    [InlineData("""{"blockHash":"0x0000000000000000000000000000000000000000000000000000000000000001","toBlock":"latest"}""", -32602, "invalid argument 0 (filter): cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other")]
    [InlineData("""{"topics":[null,null,null,null,null]}""", -32602, "invalid argument 0 (filter): exceed max topics")]
    [InlineData("""{"address":"0x01"}""", -32602, "invalid argument 0 (filter): address must be 0x and 40 hex digits, got 2 digits")]
    [InlineData("""{"topics":["0x01"]}""", -32602, "invalid argument 0 (filter): ")]
    [InlineData("""{"topics":[1]}""", -32602, "invalid argument 0 (filter): each topic position must be null, a topic or an array of topics")]
    [InlineData("""{"fromBlock":"0x1","fromBlock":"0x2"}""", -32602, "invalid argument 0 (filter): filter has a repeated member")]
    [InlineData("""{"fromBlock":{"blockNumber":"0x1"}}""", -32602, "invalid argument 0 (filter): fromBlock must be a block number or a tag")]
    [InlineData("""{"fromBlock":"0x0000000000000000000000000000000000000000000000000000000000000001"}""", -32602, "invalid argument 0 (filter): fromBlock must be a block number or a tag, not a hash")]
    [InlineData("""[]""", -32602, "invalid argument 0 (filter): filter must be an object")]
    public async Task Refuses_invalid_filters_with_the_error_other_nodes_give(string filter, int code, string message)
    {
        var (actualCode, actualMessage) = await _rpc.ErrorAsync("eth_getLogs", "[" + filter + "]", Auditor());

        Assert.Equal(code, actualCode);
        Assert.StartsWith(message, actualMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_missing_filter_and_an_anonymous_caller()
    {
        Assert.Equal(-32602, (await _rpc.ErrorAsync("eth_getLogs", "[]", Auditor())).Code);
        Assert.Equal(-32090, (await _rpc.ErrorAsync("eth_getLogs", "[{}]", Anonymous())).Code);
    }

    [Fact]
    public async Task Ignores_unknown_members_as_geth_does() =>
        Assert.Equal([3UL, 4], (await LogsAsync("""{"extra":{"x":[1,2]},"limit":5}""", Auditor())).Select(DataOf));

    [Fact]
    public async Task Refuses_a_range_wider_than_the_configured_limit()
    {
        var spec = new GetLogsSpecs(new LogQueryOptions { MaxBlockRange = 2 });

        Assert.Equal([3UL, 4], (await spec.LogsAsync("""{"fromBlock":"0x2","toBlock":"0x3"}""", Auditor())).Select(DataOf));
        var (code, message) = await spec._rpc.ErrorAsync("eth_getLogs", """[{"fromBlock":"0x1","toBlock":"0x3"}]""", Auditor());
        Assert.Equal(-32005, code);
        Assert.Equal("query exceeds max block range 2", message);
    }

    [Fact]
    public async Task Refuses_more_results_than_the_limit_counting_only_logs_the_caller_may_see()
    {
        var spec = new GetLogsSpecs(new LogQueryOptions { MaxResults = 2 });

        var (code, message) = await spec._rpc.ErrorAsync("eth_getLogs", """[{"fromBlock":"earliest"}]""", Auditor());
        Assert.Equal(-32005, code);
        Assert.Equal("query returned more than 2 results", message);

        // Four logs match, but Alice may see two of them: the limit must not reveal the other two.
        Assert.Equal([1UL, 3], (await spec.LogsAsync("""{"fromBlock":"earliest"}""", As(TestKey.Alice))).Select(DataOf));
    }

    [Fact]
    public async Task Shows_a_user_only_the_logs_of_their_own_transactions_and_an_auditor_all()
    {
        var filter = """{"fromBlock":"earliest"}""";

        Assert.Equal([1UL, 3], (await LogsAsync(filter, As(TestKey.Alice))).Select(DataOf));
        Assert.Equal([2UL], (await LogsAsync(filter, As(TestKey.Bob))).Select(DataOf));
        Assert.Equal([1UL, 2, 3, 4], (await LogsAsync(filter, Auditor())).Select(DataOf));
    }

    [Fact]
    public async Task Gives_an_outsider_an_empty_list_exactly_as_for_a_range_without_logs()
    {
        var hidden = await LogsAsync("""{"fromBlock":"0x1","toBlock":"0x1"}""", As(TestKey.Carol));
        var empty = await LogsAsync("""{"fromBlock":"0x2","toBlock":"0x2"}""", As(TestKey.Carol));
        var byHash = await LogsAsync($$"""{"blockHash":"{{_block1.Hash}}"}""", As(TestKey.Carol));

        Assert.Empty(hidden);
        Assert.Empty(empty);
        Assert.Empty(byHash);
        Assert.Equal([2UL], (await LogsAsync("""{"fromBlock":"0x1","toBlock":"0x1"}""", As(TestKey.Bob))).Select(DataOf));
    }

    [Fact]
    public async Task Keeps_block_wide_log_indexes_when_earlier_logs_of_the_block_are_hidden()
    {
        var carol = Assert.Single(await LogsAsync("""{"fromBlock":"0x3"}""", As(TestKey.Carol)));

        Assert.Equal(4UL, DataOf(carol));
        Assert.Equal("0x1", carol.GetProperty("logIndex").GetString());
        Assert.Equal("0x1", carol.GetProperty("transactionIndex").GetString());
    }

    [Fact]
    public async Task Reads_the_receipts_only_of_blocks_whose_bloom_may_match()
    {
        var chain = new CountingChain();
        var spec = new GetLogsSpecs(null, chain);
        spec._rpc.Chain.MineEmpty(5);
        chain.ReceiptReads = 0;

        Assert.Equal([2UL, 3], (await spec.LogsAsync($$"""{"fromBlock":"earliest","address":"{{TestChain.EmitterB}}"}""", Auditor())).Select(DataOf));
        Assert.Equal(2, chain.ReceiptReads);

        chain.ReceiptReads = 0;
        Assert.Empty(await spec.LogsAsync("""{"fromBlock":"earliest","address":"0x00000000000000000000000000000000000000c3"}""", Auditor()));
        Assert.Equal(0, chain.ReceiptReads);

        chain.ReceiptReads = 0;
        Assert.Equal(4, (await spec.LogsAsync("""{"fromBlock":"earliest"}""", Auditor())).Count);
        Assert.Equal(2, chain.ReceiptReads);
    }

    [Fact]
    public void Compiled_filters_never_reject_a_block_holding_a_matching_log()
    {
        var log = new LogEntry(TestChain.EmitterA, [TestChain.EventTopic, T1], new byte[] { 1 });
        var bloom = Receipt.ComputeBloom([log]);
        var matching = new LogFilter([TestChain.EmitterB, TestChain.EmitterA], [null, [T2, T1]]);
        var otherTopic = new LogFilter([TestChain.EmitterA], [null, [T2]]);
        var tooManyPositions = new LogFilter([], [null, null, null]);

        Assert.True(matching.MayMatch(bloom));
        Assert.True(matching.Matches(log));
        Assert.False(otherTopic.Matches(log));
        Assert.False(otherTopic.MayMatch(bloom));
        Assert.False(tooManyPositions.Matches(log));
        Assert.True(LogFilter.Any.Matches(log));
        Assert.False(LogFilter.Any.MayMatch(default));
    }

    private static ulong DataOf(JsonElement log) => Convert.ToUInt64(log.GetProperty("data").GetString()![^16..], 16);

    private async Task<List<JsonElement>> LogsAsync(string filter, RpcCallContext context) =>
        [.. (await _rpc.ResultAsync("eth_getLogs", "[" + filter + "]", context)).EnumerateArray()];

    /// <summary>Counts receipt reads, to observe that blocks are skipped by their bloom.</summary>
    private sealed class CountingChain : TestChain
    {
        public int ReceiptReads { get; set; }

        public override IReadOnlyList<Receipt>? FindReceipts(in Hash256 blockHash)
        {
            ReceiptReads++;
            return base.FindReceipts(blockHash);
        }
    }
}
