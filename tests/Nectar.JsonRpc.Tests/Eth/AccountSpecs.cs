using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.JsonRpc.Tests.Eth.Support;
using static Nectar.JsonRpc.Tests.Eth.Support.EthHarness;

namespace Nectar.JsonRpc.Tests.Eth;

public sealed class AccountSpecs
{
    [Fact]
    public async Task Balance_and_nonce_at_each_block()
    {
        var harness = new EthHarness();
        await harness.SendAsync(DynamicFee(AliceKey, 0, Bob, 5), AsAlice);
        var block = harness.Mine();

        var before = await harness.CallAsync("eth_getBalance", $"[\"{Bob}\",\"0x0\"]", AsBob);
        var after = await harness.CallAsync("eth_getBalance", $"[\"{Bob}\"]", AsBob);
        var byHash = await harness.CallAsync("eth_getBalance", $"[\"{Bob}\",{{\"blockHash\":\"{block.Hash}\"}}]", AsBob);
        var nonce = await harness.CallAsync("eth_getTransactionCount", $"[\"{Alice}\",\"latest\"]", AsAlice);
        var earlier = await harness.CallAsync("eth_getTransactionCount", $"[\"{Alice}\",\"earliest\"]", AsAlice);

        Assert.Equal((Ether * 100).ToHexQuantity(), Result(before).GetString());
        Assert.Equal((Ether * 100 + 5).ToHexQuantity(), Result(after).GetString());
        Assert.Equal(Result(after).GetString(), Result(byHash).GetString());
        Assert.Equal("0x1", Result(nonce).GetString());
        Assert.Equal("0x0", Result(earlier).GetString());
    }

    [Fact]
    public async Task Pending_nonce_counts_the_callers_pooled_transactions()
    {
        var harness = new EthHarness();
        await harness.SendAsync(DynamicFee(AliceKey, 0, Bob, 1), AsAlice);
        await harness.SendAsync(DynamicFee(AliceKey, 1, Bob, 1), AsAlice);

        var pending = await harness.CallAsync("eth_getTransactionCount", $"[\"{Alice}\",\"pending\"]", AsAlice);
        var latest = await harness.CallAsync("eth_getTransactionCount", $"[\"{Alice}\",\"latest\"]", AsAlice);

        Assert.Equal("0x2", Result(pending).GetString());
        Assert.Equal("0x0", Result(latest).GetString());
    }

    [Fact]
    public async Task Unknown_account_reads_as_empty()
    {
        var harness = new EthHarness();
        var (request, response) = ExecutionApis.Exchange("eth_getBalance", "get-balance-unknown-account.io");

        Assert.Equal(response, await harness.RawAsync(request, AsAuditor));
    }

    [Fact]
    public async Task Code_of_a_contract_and_of_an_account_without_one()
    {
        var harness = new EthHarness();

        var code = await harness.CallAsync("eth_getCode", $"[\"{Swap}\",\"latest\"]", AsCarol);
        var none = await harness.CallAsync("eth_getCode", $"[\"{Alice}\",\"latest\"]", AsCarol);

        Assert.Equal("0x60005460005260003560005560206000f3", Result(code).GetString());
        Assert.Equal("0x", Result(none).GetString());
    }

    [Fact]
    public async Task Storage_slot_as_32_bytes_at_each_block()
    {
        var harness = new EthHarness();
        await harness.SendAsync(DynamicFee(AliceKey, 0, Swap, data: Hex.Decode(Word(0x38))), AsAlice);
        harness.Mine();

        var now = await harness.CallAsync("eth_getStorageAt", $"[\"{Swap}\",\"0x0\",\"latest\"]", AsOperator);
        var then = await harness.CallAsync("eth_getStorageAt", $"[\"{Swap}\",\"{Word(0)}\",\"0x0\"]", AsOperator);
        var defaulted = await harness.CallAsync("eth_getStorageAt", $"[\"{Swap}\",\"0x00\"]", AsOperator);

        Assert.Equal(Word(0x38), Result(now).GetString());
        Assert.Equal(Word(0), Result(then).GetString());
        Assert.Equal(Word(0x38), Result(defaulted).GetString());
    }

    [Theory]
    [InlineData("get-storage-invalid-key-too-large.io")]
    [InlineData("get-storage-invalid-key.io")]
    [InlineData("get-storage-unknown-account.io")]
    public async Task Storage_cases_answer_exactly_as_the_execution_apis(string file)
    {
        var harness = new EthHarness();
        var (request, response) = ExecutionApis.Exchange("eth_getStorageAt", file);

        Assert.Equal(response, await harness.RawAsync(request, AsOperator));
    }

    [Fact]
    public async Task State_of_an_unknown_block_is_header_not_found()
    {
        var harness = new EthHarness();

        var byNumber = await harness.CallAsync("eth_getBalance", $"[\"{Alice}\",\"0x9\"]", AsAlice);
        var byHash = await harness.CallAsync("eth_getBalance", $"[\"{Alice}\",\"0x{new string('1', 64)}\"]", AsAlice);

        Assert.Equal((-32000, "header not found"), Error(byNumber));
        Assert.Equal((-32000, "header for hash not found"), Error(byHash));
    }

    [Fact]
    public async Task Proof_has_the_eip1186_members_and_verifies_against_the_state_root()
    {
        var harness = new EthHarness();
        await harness.SendAsync(DynamicFee(AliceKey, 0, Swap, data: Hex.Decode(Word(0x38))), AsAlice);
        harness.Mine();
        var expected = ExecutionApis.Response("eth_getProof", "get-account-proof-with-storage.io").GetProperty("result");

        var proof = Result(await harness.CallAsync("eth_getProof", $"[\"{Swap}\",[\"0x00\",\"{Word(0)}\"],\"latest\"]", AsOperator));

        Assert.Equal(ExecutionApis.Keys(expected), ExecutionApis.Keys(proof));
        Assert.Equal(ExecutionApis.Keys(expected.GetProperty("storageProof")[0]), ExecutionApis.Keys(proof.GetProperty("storageProof")[0]));
        Assert.Equal("0x0", proof.GetProperty("storageProof")[0].GetProperty("key").GetString());
        Assert.Equal(Word(0), proof.GetProperty("storageProof")[1].GetProperty("key").GetString());
        Assert.Equal("0x38", proof.GetProperty("storageProof")[0].GetProperty("value").GetString());
        Assert.Equal("0x1", proof.GetProperty("nonce").GetString());
        var root = Hex.Decode(proof.GetProperty("accountProof")[0].GetString()!);
        Assert.Equal(harness.Chain.Head.Header.StateRoot, Nectar.Core.Hashing.Keccak256.Compute(root));
    }

    [Fact]
    public async Task Balance_result_is_a_quantity_without_leading_zeros()
    {
        var harness = new EthHarness();

        var balance = Result(await harness.CallAsync("eth_getBalance", $"[\"{Alice}\",\"latest\"]", AsAlice)).GetString()!;

        Assert.Equal(UInt256.Parse("100000000000000000000").ToHexQuantity(), balance);
        Assert.DoesNotMatch("^0x0[0-9a-f]", balance);
    }
}
