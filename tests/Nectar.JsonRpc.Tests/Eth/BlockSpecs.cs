using Nectar.JsonRpc.Tests.Eth.Support;
using static Nectar.JsonRpc.Tests.Eth.Support.EthHarness;

namespace Nectar.JsonRpc.Tests.Eth;

public sealed class BlockSpecs
{
    [Fact]
    public async Task Chain_id_is_public_and_block_number_follows_the_head()
    {
        var harness = new EthHarness();
        harness.Mine();
        harness.Mine();

        var chainId = await harness.CallAsync("eth_chainId", "[]", new RpcCallContext(RpcTransportKind.Http));
        var number = await harness.CallAsync("eth_blockNumber", "[]", AsCarol);
        var syncing = await harness.CallAsync("eth_syncing", "[]", AsCarol);
        var accounts = await harness.CallAsync("eth_accounts", "[]", AsCarol);

        Assert.Equal("0x539", Result(chainId).GetString());
        Assert.Equal("0x2", Result(number).GetString());
        Assert.False(Result(syncing).GetBoolean());
        Assert.Equal(0, Result(accounts).GetArrayLength());
    }

    [Fact]
    public async Task Block_number_needs_a_session()
    {
        var harness = new EthHarness();

        var response = await harness.CallAsync("eth_blockNumber", "[]", new RpcCallContext(RpcTransportKind.Http));

        Assert.Equal(RpcErrorCodes.Unauthorized, Error(response).Code);
    }

    [Fact]
    public async Task Prague_block_has_the_same_members_in_the_same_order_as_the_execution_apis_case()
    {
        var harness = new EthHarness();
        await harness.SendAsync(DynamicFee(AliceKey, 0, Bob, 1), AsAlice);
        harness.Mine();
        var expected = ExecutionApis.Keys(ExecutionApis.Response("eth_getBlockByNumber", "get-block-prague-fork.io").GetProperty("result"));

        var block = Result(await harness.CallAsync("eth_getBlockByNumber", "[\"latest\",false]", AsAlice));

        Assert.Equal(expected, ExecutionApis.Keys(block));
        Assert.Equal("0x1", block.GetProperty("number").GetString());
        Assert.Equal("0x0000000000000000", block.GetProperty("nonce").GetString());
        Assert.Equal(harness.Chain.Head.Hash.ToString(), block.GetProperty("hash").GetString());
        Assert.Equal("0x" + Core.Blocks.BlockCodec.GetEncodedLength(harness.Chain.Head).ToString("x", System.Globalization.CultureInfo.InvariantCulture), block.GetProperty("size").GetString());
    }

    [Fact]
    public async Task Full_block_carries_transaction_objects_and_hashes_otherwise()
    {
        var harness = new EthHarness();
        var hash = await harness.SendAsync(DynamicFee(AliceKey, 0, Bob, 1), AsAlice);
        var block = harness.Mine();

        var full = Result(await harness.CallAsync("eth_getBlockByHash", $"[\"{block.Hash}\",true]", AsAlice));
        var hashes = Result(await harness.CallAsync("eth_getBlockByNumber", "[\"0x1\",false]", AsAlice));

        var transaction = Assert.Single(full.GetProperty("transactions").EnumerateArray());
        Assert.Equal(hash.ToString(), transaction.GetProperty("hash").GetString());
        Assert.Equal(block.Hash.ToString(), transaction.GetProperty("blockHash").GetString());
        Assert.Equal(hash.ToString(), Assert.Single(hashes.GetProperty("transactions").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("earliest", "0x0")]
    [InlineData("latest", "0x2")]
    [InlineData("pending", "0x2")]
    [InlineData("safe", "0x2")]
    [InlineData("finalized", "0x2")]
    [InlineData("0x1", "0x1")]
    public async Task Block_tags_name_the_blocks_they_should(string tag, string number)
    {
        var harness = new EthHarness();
        harness.Mine();
        harness.Mine();

        var block = Result(await harness.CallAsync("eth_getBlockByNumber", $"[\"{tag}\",false]", AsAlice));

        Assert.Equal(number, block.GetProperty("number").GetString());
    }

    [Theory]
    [InlineData("eth_getBlockByNumber", "get-block-notfound.io")]
    [InlineData("eth_getBlockReceipts", "get-block-receipts-not-found.io")]
    [InlineData("eth_getBlockReceipts", "get-block-receipts-empty.io")]
    [InlineData("eth_getBlockReceipts", "get-block-receipts-future.io")]
    [InlineData("eth_getTransactionByHash", "get-notfound-tx.io")]
    [InlineData("eth_getTransactionReceipt", "get-notfound-tx.io")]
    public async Task Missing_objects_answer_exactly_as_the_execution_apis_case(string method, string file)
    {
        var harness = new EthHarness();
        harness.Mine();
        var (request, response) = ExecutionApis.Exchange(method, file);

        Assert.Equal(response, await harness.RawAsync(request, AsAlice));
    }

    [Fact]
    public async Task Block_receipts_by_number_and_by_hash_agree_and_index_logs_across_the_block()
    {
        var harness = new EthHarness();
        await harness.SendAsync(DynamicFee(AliceKey, 0, Logger), AsAlice);
        await harness.SendAsync(DynamicFee(AliceKey, 1, Logger), AsAlice);
        var block = harness.Mine();

        var byNumber = Result(await harness.CallAsync("eth_getBlockReceipts", "[\"0x1\"]", AsAlice));
        var byHash = Result(await harness.CallAsync("eth_getBlockReceipts", $"[\"{block.Hash}\"]", AsAlice));

        Assert.Equal(byNumber.GetRawText(), byHash.GetRawText());
        Assert.Equal(2, byNumber.GetArrayLength());
        Assert.Equal("0x0", byNumber[0].GetProperty("logs")[0].GetProperty("logIndex").GetString());
        Assert.Equal("0x1", byNumber[1].GetProperty("logs")[0].GetProperty("logIndex").GetString());
        Assert.Equal("0x1", byNumber[1].GetProperty("transactionIndex").GetString());
    }

    [Fact]
    public async Task Transaction_counts_and_positions_of_a_block()
    {
        var harness = new EthHarness();
        await harness.SendAsync(DynamicFee(AliceKey, 0, Bob, 1), AsAlice);
        var second = await harness.SendAsync(DynamicFee(AliceKey, 1, Bob, 1), AsAlice);
        var block = harness.Mine();

        var byNumber = await harness.CallAsync("eth_getBlockTransactionCountByNumber", "[\"latest\"]", AsAlice);
        var byHash = await harness.CallAsync("eth_getBlockTransactionCountByHash", $"[\"{block.Hash}\"]", AsAlice);
        var atIndex = await harness.CallAsync("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\",\"0x1\"]", AsAlice);
        var atHashIndex = await harness.CallAsync("eth_getTransactionByBlockHashAndIndex", $"[\"{block.Hash}\",\"0x1\"]", AsAlice);
        var beyond = await harness.CallAsync("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\",\"0x2\"]", AsAlice);
        var unknownBlock = await harness.CallAsync("eth_getBlockTransactionCountByNumber", "[\"0x9\"]", AsAlice);

        Assert.Equal("0x2", Result(byNumber).GetString());
        Assert.Equal("0x2", Result(byHash).GetString());
        Assert.Equal(second.ToString(), Result(atIndex).GetProperty("hash").GetString());
        Assert.Equal(Result(atIndex).GetRawText(), Result(atHashIndex).GetRawText());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Result(beyond).ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Result(unknownBlock).ValueKind);
    }

    [Fact]
    public async Task Unknown_block_hash_reads_as_null()
    {
        var harness = new EthHarness();

        var response = await harness.CallAsync("eth_getBlockByHash", $"[\"0x{new string('1', 64)}\",true]", AsAlice);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, Result(response).ValueKind);
    }
}
