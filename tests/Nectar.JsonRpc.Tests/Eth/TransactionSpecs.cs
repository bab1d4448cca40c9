using System.Collections.Immutable;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.JsonRpc.Tests.Eth.Support;
using static Nectar.JsonRpc.Tests.Eth.Support.EthHarness;

namespace Nectar.JsonRpc.Tests.Eth;

public sealed class TransactionSpecs
{
    [Theory]
    [InlineData(TransactionType.AccessList, "get-access-list.io")]
    [InlineData(TransactionType.DynamicFee, "get-dynamic-fee.io")]
    [InlineData(TransactionType.SetCode, "get-setcode-tx.io")]
    public async Task Transaction_has_the_members_of_its_type_in_the_execution_apis_order(TransactionType type, string file)
    {
        var harness = new EthHarness();
        var authorization = Signer.SignAuthorization(ChainId, Logger, 0, BobKey);
        var signed = Typed(type, AliceKey, 0, Swap, [new AccessListItem(Swap, [Hash256.Zero])], type == TransactionType.SetCode ? [authorization] : default);
        var hash = await harness.SendAsync(signed, AsAlice);
        harness.Mine();
        var expected = ExecutionApis.Keys(ExecutionApis.Response("eth_getTransactionByHash", file).GetProperty("result"));

        var transaction = Result(await harness.CallAsync("eth_getTransactionByHash", $"[\"{hash}\"]", AsAlice));

        Assert.Equal(expected, ExecutionApis.Keys(transaction));
        Assert.Equal("0x" + ((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture), transaction.GetProperty("type").GetString());
        Assert.Equal(Alice.ToString(), transaction.GetProperty("from").GetString());
        Assert.Equal(transaction.GetProperty("v").GetString(), transaction.GetProperty("yParity").GetString());
    }

    [Fact]
    public async Task Dynamic_fee_transaction_shows_the_price_its_block_charged()
    {
        var harness = new EthHarness();
        var hash = await harness.SendAsync(DynamicFee(AliceKey, 0, Bob, 1), AsAlice);
        var block = harness.Mine();
        var expected = block.Header.BaseFeePerGas!.Value + 2_000_000_000;

        var transaction = Result(await harness.CallAsync("eth_getTransactionByHash", $"[\"{hash}\"]", AsAlice));
        var receipt = Result(await harness.CallAsync("eth_getTransactionReceipt", $"[\"{hash}\"]", AsAlice));

        Assert.Equal(expected.ToHexQuantity(), transaction.GetProperty("gasPrice").GetString());
        Assert.Equal(expected.ToHexQuantity(), receipt.GetProperty("effectiveGasPrice").GetString());
    }

    [Fact]
    public async Task Pending_transaction_is_found_without_a_block()
    {
        var harness = new EthHarness();
        var hash = await harness.SendAsync(DynamicFee(AliceKey, 0, Bob, 1), AsAlice);

        var transaction = Result(await harness.CallAsync("eth_getTransactionByHash", $"[\"{hash}\"]", AsAlice));
        var receipt = await harness.CallAsync("eth_getTransactionReceipt", $"[\"{hash}\"]", AsAlice);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, transaction.GetProperty("blockHash").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, transaction.GetProperty("transactionIndex").ValueKind);
        Assert.Equal("0x174876e800", transaction.GetProperty("gasPrice").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Result(receipt).ValueKind);
    }

    [Fact]
    public async Task Receipt_with_logs_has_the_members_of_the_execution_apis_case()
    {
        var harness = new EthHarness();
        var hash = await harness.SendAsync(DynamicFee(AliceKey, 0, Logger), AsAlice);
        var block = harness.Mine();
        var expected = ExecutionApis.Response("eth_getTransactionReceipt", "get-dynamic-fee.io").GetProperty("result");

        var receipt = Result(await harness.CallAsync("eth_getTransactionReceipt", $"[\"{hash}\"]", AsAlice));

        Assert.Equal(ExecutionApis.Keys(expected), ExecutionApis.Keys(receipt));
        var log = Assert.Single(receipt.GetProperty("logs").EnumerateArray());
        Assert.Equal(ExecutionApis.Keys(expected.GetProperty("logs")[0]), ExecutionApis.Keys(log));
        Assert.Equal(LogTopic.ToString(), log.GetProperty("topics")[0].GetString());
        Assert.Equal(Word(0x2a), log.GetProperty("data").GetString());
        Assert.Equal(block.Header.Timestamp, Convert.ToUInt64(log.GetProperty("blockTimestamp").GetString(), 16));
        Assert.False(log.GetProperty("removed").GetBoolean());
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        Assert.Equal("0x2", receipt.GetProperty("type").GetString());
        Assert.Equal(receipt.GetProperty("gasUsed").GetString(), receipt.GetProperty("cumulativeGasUsed").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, receipt.GetProperty("contractAddress").ValueKind);
        Assert.Equal(Hex.ToHexString(block.Header.LogsBloom.Bytes), receipt.GetProperty("logsBloom").GetString());
    }

    [Fact]
    public async Task Creation_receipt_names_the_contract_and_a_failed_one_has_status_zero()
    {
        var harness = new EthHarness();
        var create = await harness.SendAsync(DynamicFee(AliceKey, 0, null, data: Hex.Decode("0x600a600c600039600a6000f3602a60005260206000f3"), gas: 200_000), AsAlice);
        var revert = await harness.SendAsync(DynamicFee(AliceKey, 1, Reverter), AsAlice);
        harness.Mine();

        var created = Result(await harness.CallAsync("eth_getTransactionReceipt", $"[\"{create}\"]", AsAlice));
        var reverted = Result(await harness.CallAsync("eth_getTransactionReceipt", $"[\"{revert}\"]", AsAlice));

        Assert.Equal(Address.Create(Alice, 0).ToString(), created.GetProperty("contractAddress").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created.GetProperty("to").ValueKind);
        Assert.Equal("0x0", reverted.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Send_raw_transaction_returns_the_hash_and_pools_it()
    {
        var harness = new EthHarness();
        var signed = DynamicFee(AliceKey, 0, Bob, 1);

        var hash = await harness.SendAsync(signed, AsAlice);

        Assert.Equal(signed.Hash, hash);
        Assert.Equal(1, harness.Pool.Count);
    }

    [Fact]
    public async Task Pool_refusals_keep_the_pools_code_and_text()
    {
        var harness = new EthHarness();
        await harness.SendAsync(DynamicFee(AliceKey, 0, Bob, 1), AsAlice);
        harness.Mine();

        var response = await harness.CallAsync("eth_sendRawTransaction", $"[\"{Hex.ToHexString(TransactionCodec.Encode(DynamicFee(AliceKey, 0, Bob, 2)))}\"]", AsAlice);

        var (code, message) = Error(response);
        Assert.Equal(-32000, code);
        Assert.Equal("nonce too low: next nonce 1, tx nonce 0", message);
    }

    [Fact]
    public async Task Undecodable_bytes_get_the_pools_encoding_error()
    {
        var harness = new EthHarness();

        var response = await harness.CallAsync("eth_sendRawTransaction", "[\"0xf800\"]", AsAlice);

        var (code, message) = Error(response);
        Assert.Equal(-32000, code);
        Assert.StartsWith("invalid transaction encoding", message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Pool.Count);
    }

    [Fact]
    public async Task Blob_transactions_are_refused_with_a_clear_error()
    {
        var harness = new EthHarness();
        var (request, _) = ExecutionApis.Exchange("eth_sendRawTransaction", "send-blob-tx.io");

        var small = await harness.CallAsync("eth_sendRawTransaction", "[\"0x03c0\"]", AsAlice);
        var fixture = await harness.CallAsync("eth_sendRawTransaction", System.Text.Json.JsonDocument.Parse(request).RootElement.GetProperty("params").GetRawText(), AsAlice);

        Assert.Contains("Blob transactions (type 3) are not supported", Error(small).Message, StringComparison.Ordinal);
        Assert.Equal(-32000, Error(fixture).Code);
        Assert.Equal(0, harness.Pool.Count);
    }

    [Fact]
    public async Task Fill_transaction_is_not_a_method()
    {
        var harness = new EthHarness();

        var response = await harness.CallAsync("eth_fillTransaction", "[{}]", AsAlice);

        Assert.Equal(RpcErrorCodes.MethodNotFound, Error(response).Code);
    }

    [Fact]
    public async Task Set_code_authorization_list_is_written_in_full()
    {
        var harness = new EthHarness();
        var authorization = Signer.SignAuthorization(ChainId, Logger, 0, BobKey);
        var hash = await harness.SendAsync(Typed(TransactionType.SetCode, AliceKey, 0, Swap, authorizations: ImmutableArray.Create(authorization)), AsAlice);
        harness.Mine();
        var expected = ExecutionApis.Response("eth_getTransactionByHash", "get-setcode-tx.io").GetProperty("result").GetProperty("authorizationList")[0];

        var entry = Result(await harness.CallAsync("eth_getTransactionByHash", $"[\"{hash}\"]", AsAlice)).GetProperty("authorizationList")[0];

        Assert.Equal(ExecutionApis.Keys(expected), ExecutionApis.Keys(entry));
        Assert.Equal(Logger.ToString(), entry.GetProperty("address").GetString());
        Assert.Equal("0x539", entry.GetProperty("chainId").GetString());
    }
}
