using System.Text;
using System.Text.Json;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.JsonRpc.Authentication;
using Nectar.JsonRpc.Subscriptions;
using Nectar.JsonRpc.Tests.Logs.Support;
using Nectar.JsonRpc.Tests.Support;
using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Tests.Subscriptions;

/// <summary>newHeads and logs subscriptions over a real chain, through connections as the WebSocket transport drives them.</summary>
public sealed class ChainSubscriptionSpecs : IDisposable
{
    private static readonly Hash256 T1 = Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000000000f1");

    private readonly TestChain _chain = new();
    private readonly NewHeadsSubscriptionSource _heads;
    private readonly LogsSubscriptionSource _logs;
    private readonly RoleAuthenticator _authenticator = new();
    private readonly RpcConnectionRegistry _registry;
    private readonly CancellationTokenSource _stop = new();

    public ChainSubscriptionSpecs()
    {
        _heads = new NewHeadsSubscriptionSource(_chain, DefaultReadAuthorizer.Instance);
        _logs = new LogsSubscriptionSource(_chain, _chain, DefaultReadAuthorizer.Instance);
        var rpc = new ChainRpc(_chain, configure: b => b
            .AddSubscriptionSource(_heads)
            .AddSubscriptionSource(_logs)
            .AddSubscriptionSource(new PendingTransactionsSubscriptionSource()));
        _registry = new RpcConnectionRegistry(rpc.Dispatcher, _authenticator);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _registry.Dispose();
        _heads.Dispose();
        _logs.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task NewHeads_sends_each_new_head_as_a_header_object()
    {
        var (connection, transport) = await OpenAsync(TestKey.Alice);
        var id = await SubscribeAsync(connection, transport, """["newHeads"]""");

        var block = await MineAsync();

        var header = Assert.Single(await NotificationsAsync(transport, id, 1));
        Assert.Equal(block.Hash.ToString(), header.GetProperty("hash").GetString());
        Assert.Equal(block.Header.ParentHash.ToString(), header.GetProperty("parentHash").GetString());
        Assert.Equal(ChainRpc.Hex(block.Number), header.GetProperty("number").GetString());
        Assert.Equal(ChainRpc.Hex(block.Header.Timestamp), header.GetProperty("timestamp").GetString());
        Assert.Equal("0x0000000000000000", header.GetProperty("nonce").GetString());
        Assert.Equal("0x0", header.GetProperty("difficulty").GetString());
        Assert.Equal(Hash256.EmptyListHash.ToString(), header.GetProperty("sha3Uncles").GetString());
        Assert.Equal(block.Header.StateRoot.ToString(), header.GetProperty("stateRoot").GetString());
        Assert.Equal(ChainRpc.Hex((ulong)block.Header.BaseFeePerGas!.Value), header.GetProperty("baseFeePerGas").GetString());
        Assert.True(header.TryGetProperty("requestsHash", out _));
        Assert.True(header.TryGetProperty("parentBeaconBlockRoot", out _));
        Assert.Equal(514, header.GetProperty("logsBloom").GetString()!.Length);
    }

    [Fact]
    public async Task NewHeads_shows_each_subscriber_the_bloom_of_the_logs_they_may_see()
    {
        var (alice, aliceTransport) = await OpenAsync(TestKey.Alice);
        var (carol, carolTransport) = await OpenAsync(TestKey.Carol);
        var (dave, daveTransport) = await OpenAsync(TestKey.Dave, RoleNames.Auditor);
        var aliceId = await SubscribeAsync(alice, aliceTransport, """["newHeads"]""");
        var carolId = await SubscribeAsync(carol, carolTransport, """["newHeads"]""");
        var daveId = await SubscribeAsync(dave, daveTransport, """["newHeads"]""");

        var block = await MineAsync(_chain.Emit(TestKey.Alice, TestChain.EmitterA, T1, 1));

        var real = block.Header.LogsBloom.ToString();
        Assert.NotEqual(Bloom.Empty.ToString(), real);
        Assert.Equal(real, BloomOf(await NotificationsAsync(aliceTransport, aliceId, 1)));
        Assert.Equal(real, BloomOf(await NotificationsAsync(daveTransport, daveId, 1)));
        Assert.Equal(Bloom.Empty.ToString(), BloomOf(await NotificationsAsync(carolTransport, carolId, 1)));
    }

    [Fact]
    public async Task NewHeads_refuses_options()
    {
        var (connection, transport) = await OpenAsync(TestKey.Alice);
        await SendAsync(connection, """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["newHeads",{"x":1}]}""");

        Assert.Equal(-32602, ErrorCode(await ResponseAsync(transport, 1)));
        Assert.Equal(0, _heads.SubscriberCount);
    }

    [Fact]
    public async Task Logs_sends_one_notification_per_matching_log_the_subscriber_may_see()
    {
        var (alice, aliceTransport) = await OpenAsync(TestKey.Alice);
        var (carol, carolTransport) = await OpenAsync(TestKey.Carol);
        var (dave, daveTransport) = await OpenAsync(TestKey.Dave, RoleNames.Auditor);
        var aliceId = await SubscribeAsync(alice, aliceTransport, $$"""["logs",{"address":"{{TestChain.EmitterA}}"}]""");
        var carolId = await SubscribeAsync(carol, carolTransport, """["logs",{}]""");
        var daveId = await SubscribeAsync(dave, daveTransport, """["logs"]""");

        await MineAsync(
            _chain.Emit(TestKey.Alice, TestChain.EmitterA, T1, 1),
            _chain.Emit(TestKey.Alice, TestChain.EmitterB, T1, 2),
            _chain.Emit(TestKey.Bob, TestChain.EmitterA, T1, 3));
        var carolsOwn = await MineAsync(_chain.Emit(TestKey.Carol, TestChain.EmitterB, T1, 4));

        Assert.Equal([1UL], (await NotificationsAsync(aliceTransport, aliceId, 1)).Select(DataOf));
        Assert.Equal([1UL, 2, 3, 4], (await NotificationsAsync(daveTransport, daveId, 4)).Select(DataOf));

        // Carol's first notification is her own log of the later block: nothing of the earlier block reached her.
        var carolLog = Assert.Single(await NotificationsAsync(carolTransport, carolId, 1));
        Assert.Equal(4UL, DataOf(carolLog));
        Assert.Equal(carolsOwn.Hash.ToString(), carolLog.GetProperty("blockHash").GetString());
        await MineAsync();
        Assert.Equal(2, carolTransport.Sent.Count);
    }

    [Fact]
    public async Task Logs_refuses_invalid_filters_and_block_hashes()
    {
        var (connection, transport) = await OpenAsync(TestKey.Alice);
        await SendAsync(connection, """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["logs",{"address":"0x01"}]}""");
        await SendAsync(connection, """{"jsonrpc":"2.0","id":2,"method":"eth_subscribe","params":["logs",{"blockHash":"0x0000000000000000000000000000000000000000000000000000000000000001"}]}""");

        Assert.Equal(-32602, ErrorCode(await ResponseAsync(transport, 1)));
        Assert.Equal(-32602, ErrorCode(await ResponseAsync(transport, 2)));
        Assert.Equal(0, _logs.SubscriberCount);
    }

    [Fact]
    public async Task Logs_sends_delivered_logs_again_as_removed_after_a_revert()
    {
        var (connection, transport) = await OpenAsync(TestKey.Alice);
        var id = await SubscribeAsync(connection, transport, """["logs"]""");
        var start = _chain.Head.Number;
        await MineAsync(_chain.Emit(TestKey.Alice, TestChain.EmitterA, T1, 1));

        var before = _logs.ProcessedEvents;
        _chain.RevertTo(start);
        await Eventually.True(() => _logs.ProcessedEvents > before, "the revert");

        var notifications = await NotificationsAsync(transport, id, 2);
        Assert.False(notifications[0].GetProperty("removed").GetBoolean());
        Assert.True(notifications[1].GetProperty("removed").GetBoolean());
        Assert.Equal(notifications[0].GetProperty("blockHash").GetString(), notifications[1].GetProperty("blockHash").GetString());
    }

    [Fact]
    public async Task Unsubscribing_stops_deliveries()
    {
        var (connection, transport) = await OpenAsync(TestKey.Alice);
        var id = await SubscribeAsync(connection, transport, """["logs"]""");

        await SendAsync(connection, $$"""{"jsonrpc":"2.0","id":9,"method":"eth_unsubscribe","params":["{{id}}"]}""");
        Assert.True((await ResponseAsync(transport, 9)).GetProperty("result").GetBoolean());
        await MineAsync(_chain.Emit(TestKey.Alice, TestChain.EmitterA, T1, 1));

        Assert.Equal(0, _logs.SubscriberCount);
        Assert.Equal(2, transport.Sent.Count);
    }

    [Fact]
    public async Task Refuses_pending_transaction_subscriptions_and_says_why()
    {
        var (connection, transport) = await OpenAsync(TestKey.Alice);
        await SendAsync(connection, """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["newPendingTransactions"]}""");

        var error = (await ResponseAsync(transport, 1)).GetProperty("error");
        Assert.Equal(-32092, error.GetProperty("code").GetInt32());
        Assert.Equal(PendingTransactionsSubscriptionSource.RefusalMessage, error.GetProperty("message").GetString());
    }

    private static ulong DataOf(JsonElement log) => Convert.ToUInt64(log.GetProperty("data").GetString()![^16..], 16);

    private static string? BloomOf(List<JsonElement> headers) => Assert.Single(headers).GetProperty("logsBloom").GetString();

    private static int ErrorCode(JsonElement response) => response.GetProperty("error").GetProperty("code").GetInt32();

    private static JsonElement Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static ValueTask SendAsync(RpcConnection connection, string message) =>
        connection.ProcessMessageAsync(Encoding.UTF8.GetBytes(message), CancellationToken.None);

    private static async Task<JsonElement> ResponseAsync(RecordingTransport transport, int id)
    {
        JsonElement? found = null;
        await Eventually.True(
            () => (found = transport.Sent.Select(Parse).Cast<JsonElement?>().FirstOrDefault(m => m!.Value.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Number && i.GetInt32() == id)) is not null,
            "the response to request " + id);
        return found!.Value;
    }

    private static async Task<string> SubscribeAsync(RpcConnection connection, RecordingTransport transport, string paramsJson)
    {
        await SendAsync(connection, $$"""{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":{{paramsJson}}}""");
        return (await ResponseAsync(transport, 1)).GetProperty("result").GetString()!;
    }

    private static async Task<List<JsonElement>> NotificationsAsync(RecordingTransport transport, string id, int count)
    {
        List<JsonElement> Matching() =>
        [
            .. transport.Sent.Select(Parse)
                .Where(m => m.TryGetProperty("method", out _) && m.GetProperty("params").GetProperty("subscription").GetString() == id)
                .Select(m => m.GetProperty("params").GetProperty("result")),
        ];

        await Eventually.True(() => Matching().Count >= count, $"{count} notifications");
        var result = Matching();
        Assert.Equal(count, result.Count);
        return result;
    }

    private async Task<(RpcConnection Connection, RecordingTransport Transport)> OpenAsync(TestKey key, params string[] roles)
    {
        var token = _authenticator.Register(ChainRpc.Principal(key, null, [RoleNames.User, .. roles]));
        var transport = new RecordingTransport();
        var connection = _registry.Open(transport);
        Assert.Equal(RpcAuthFailure.None, await connection.AuthenticateAsync(token, CancellationToken.None));
        _ = connection.RunSendLoopAsync(_stop.Token);
        return (connection, transport);
    }

    /// <summary>Seals a block and waits until both sources have delivered it.</summary>
    private async Task<Block> MineAsync(params Transaction[] transactions)
    {
        var heads = _heads.ProcessedEvents + 1;
        var logs = _logs.ProcessedEvents + 1;
        var block = _chain.Mine(transactions);
        await Eventually.True(() => _heads.ProcessedEvents >= heads && _logs.ProcessedEvents >= logs, "the sources to see the block");
        return block;
    }
}
