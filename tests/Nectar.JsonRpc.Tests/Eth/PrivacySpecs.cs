using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Tests.Eth.Support;
using Nectar.Privacy.Access;
using static Nectar.JsonRpc.Tests.Eth.Support.EthHarness;

namespace Nectar.JsonRpc.Tests.Eth;

/// <summary>
/// Every read rule as a pair: the caller the rule admits gets the data; anyone else gets, byte for byte, the answer
/// for an object that does not exist.
/// </summary>
public sealed class PrivacySpecs
{
    private static readonly string Missing = "0x" + new string('d', 64);

    private readonly EthHarness _harness = new();
    private Hash256 _transfer;
    private Hash256 _call;
    private Core.Blocks.Block _block = null!;

    [Fact]
    public async Task Transaction_by_hash_is_visible_to_sender_recipient_and_auditor_only()
    {
        await MineScenario();

        foreach (var insider in new[] { AsAlice, AsBob, AsAuditor })
        {
            Assert.Contains("\"hash\"", await _harness.RawCallAsync("eth_getTransactionByHash", $"[\"{_transfer}\"]", insider), StringComparison.Ordinal);
        }

        await AssertSameAnswer("eth_getTransactionByHash", $"[\"{_transfer}\"]", $"[\"{Missing}\"]", AsCarol);
        await AssertSameAnswer("eth_getTransactionByHash", $"[\"{_transfer}\"]", $"[\"{Missing}\"]", AsOperator);
    }

    [Fact]
    public async Task Pending_transaction_is_visible_to_its_sender_only()
    {
        var pending = await _harness.SendAsync(DynamicFee(AliceKey, 0, Bob, 1), AsAlice);

        Assert.Contains("\"hash\"", await _harness.RawCallAsync("eth_getTransactionByHash", $"[\"{pending}\"]", AsAlice), StringComparison.Ordinal);
        await AssertSameAnswer("eth_getTransactionByHash", $"[\"{pending}\"]", $"[\"{Missing}\"]", AsCarol);
    }

    [Fact]
    public async Task Receipt_follows_its_transaction()
    {
        await MineScenario();

        Assert.Contains("\"status\"", await _harness.RawCallAsync("eth_getTransactionReceipt", $"[\"{_call}\"]", AsAlice), StringComparison.Ordinal);
        await AssertSameAnswer("eth_getTransactionReceipt", $"[\"{_call}\"]", $"[\"{Missing}\"]", AsCarol);
    }

    [Fact]
    public async Task Transaction_by_block_and_index_is_null_for_an_outsider_as_past_the_end()
    {
        await MineScenario();

        Assert.Contains("\"hash\"", await _harness.RawCallAsync("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\",\"0x0\"]", AsBob), StringComparison.Ordinal);
        await AssertSameAnswer("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\",\"0x0\"]", "[\"0x1\",\"0x9\"]", AsCarol);
        await AssertSameAnswer("eth_getTransactionByBlockHashAndIndex", $"[\"{_block.Hash}\",\"0x1\"]", $"[\"{_block.Hash}\",\"0x9\"]", AsCarol);
    }

    [Fact]
    public async Task Block_shows_every_header_field_but_only_the_callers_transactions()
    {
        await MineScenario();

        var alice = Result(await _harness.CallAsync("eth_getBlockByNumber", "[\"0x1\",true]", AsAlice));
        var bob = Result(await _harness.CallAsync("eth_getBlockByNumber", "[\"0x1\",false]", AsBob));
        var carol = Result(await _harness.CallAsync("eth_getBlockByNumber", "[\"0x1\",true]", AsCarol));
        var auditor = Result(await _harness.CallAsync("eth_getBlockByNumber", "[\"0x1\",false]", AsAuditor));

        Assert.Equal(2, alice.GetProperty("transactions").GetArrayLength());
        Assert.Equal(_transfer.ToString(), Assert.Single(bob.GetProperty("transactions").EnumerateArray()).GetString());
        Assert.Equal(0, carol.GetProperty("transactions").GetArrayLength());
        Assert.Equal(2, auditor.GetProperty("transactions").GetArrayLength());
        Assert.Equal(alice.GetProperty("hash").GetString(), carol.GetProperty("hash").GetString());
        Assert.Equal(alice.GetProperty("gasUsed").GetString(), carol.GetProperty("gasUsed").GetString());
    }

    [Fact]
    public async Task Block_logs_bloom_covers_only_the_logs_the_caller_may_see()
    {
        await MineScenario();
        var empty = "0x" + new string('0', 512);

        var alice = Result(await _harness.CallAsync("eth_getBlockByNumber", "[\"0x1\",false]", AsAlice)).GetProperty("logsBloom").GetString();
        var carol = Result(await _harness.CallAsync("eth_getBlockByHash", $"[\"{_block.Hash}\",false]", AsCarol)).GetProperty("logsBloom").GetString();
        var auditor = Result(await _harness.CallAsync("eth_getBlockByNumber", "[\"0x1\",false]", AsAuditor)).GetProperty("logsBloom").GetString();

        Assert.Equal(_block.Header.LogsBloom.ToString(), auditor);
        Assert.NotEqual(empty, auditor);
        Assert.Equal(auditor, alice);
        Assert.Equal(empty, carol);
    }

    [Fact]
    public async Task Block_receipts_and_counts_are_reduced_to_the_callers_transactions()
    {
        await MineScenario();

        var bobReceipts = Result(await _harness.CallAsync("eth_getBlockReceipts", "[\"0x1\"]", AsBob));
        var carolReceipts = Result(await _harness.CallAsync("eth_getBlockReceipts", "[\"0x1\"]", AsCarol));
        var bobCount = Result(await _harness.CallAsync("eth_getBlockTransactionCountByNumber", "[\"0x1\"]", AsBob));
        var carolCount = Result(await _harness.CallAsync("eth_getBlockTransactionCountByHash", $"[\"{_block.Hash}\"]", AsCarol));

        Assert.Equal(_transfer.ToString(), Assert.Single(bobReceipts.EnumerateArray()).GetProperty("transactionHash").GetString());
        Assert.Equal(0, carolReceipts.GetArrayLength());
        Assert.Equal("0x1", bobCount.GetString());
        Assert.Equal("0x0", carolCount.GetString());
    }

    [Fact]
    public async Task Balance_and_nonce_of_another_account_read_as_an_account_that_does_not_exist()
    {
        await MineScenario();
        var nobody = "0x" + new string('5', 40);

        Assert.NotEqual("0x0", Result(await _harness.CallAsync("eth_getBalance", $"[\"{Alice}\",\"latest\"]", AsAlice)).GetString());
        Assert.Equal("0x2", Result(await _harness.CallAsync("eth_getTransactionCount", $"[\"{Alice}\",\"latest\"]", AsAuditor)).GetString());
        await AssertSameAnswer("eth_getBalance", $"[\"{Alice}\",\"latest\"]", $"[\"{nobody}\",\"latest\"]", AsCarol);
        await AssertSameAnswer("eth_getTransactionCount", $"[\"{Alice}\",\"latest\"]", $"[\"{nobody}\",\"latest\"]", AsBob);
        await AssertSameAnswer("eth_getTransactionCount", $"[\"{Alice}\",\"pending\"]", $"[\"{nobody}\",\"pending\"]", AsBob);
    }

    [Fact]
    public async Task Code_denied_by_policy_reads_as_an_account_without_code()
    {
        var harness = new EthHarness(new NoCodeAuthorizer());
        var nobody = "0x" + new string('5', 40);

        var ownCode = await harness.RawCallAsync("eth_getCode", $"[\"{Swap}\",\"latest\"]", As(Swap, RoleNames.User));
        var denied = await harness.RawCallAsync("eth_getCode", $"[\"{Swap}\",\"latest\"]", AsCarol);
        var none = await harness.RawCallAsync("eth_getCode", $"[\"{nobody}\",\"latest\"]", As(Address.Parse(nobody), RoleNames.User));

        Assert.Contains("0x6000", ownCode, StringComparison.Ordinal);
        Assert.Equal(none, denied);
    }

    [Fact]
    public async Task Storage_is_for_raw_state_readers_others_read_an_unwritten_slot()
    {
        await _harness.SendAsync(DynamicFee(AliceKey, 0, Swap, data: Hex.Decode(Word(0x38))), AsAlice);
        _harness.Mine();

        Assert.Contains(Word(0x38), await _harness.RawCallAsync("eth_getStorageAt", $"[\"{Swap}\",\"0x0\",\"latest\"]", AsAuditor), StringComparison.Ordinal);
        Assert.Contains(Word(0x38), await _harness.RawCallAsync("eth_getStorageAt", $"[\"{Swap}\",\"0x0\",\"latest\"]", AsOperator), StringComparison.Ordinal);
        await AssertSameAnswer("eth_getStorageAt", $"[\"{Swap}\",\"0x0\",\"latest\"]", $"[\"{Swap}\",\"0x1\",\"latest\"]", AsAlice);
    }

    [Fact]
    public async Task Proof_is_for_raw_state_readers_others_get_the_unknown_block_answer()
    {
        await MineScenario();

        Assert.Contains("\"accountProof\"", await _harness.RawCallAsync("eth_getProof", $"[\"{Alice}\",[],\"latest\"]", AsOperator), StringComparison.Ordinal);
        await AssertSameAnswer("eth_getProof", $"[\"{Alice}\",[],\"latest\"]", $"[\"{Alice}\",[],\"0x99\"]", AsAlice);
        await AssertSameAnswer("eth_getProof", $"[\"{Bob}\",[\"0x0\"],\"latest\"]", $"[\"{Alice}\",[],\"0x99\"]", AsCarol);
    }

    [Fact]
    public async Task Calls_run_only_as_the_caller()
    {
        foreach (var method in new[] { "eth_call", "eth_estimateGas", "eth_createAccessList" })
        {
            var own = await _harness.CallAsync(method, $"[{{\"from\":\"{Alice}\",\"to\":\"{Whoami}\"}},\"latest\"]", AsAlice);
            var other = await _harness.CallAsync(method, $"[{{\"from\":\"{Bob}\",\"to\":\"{Whoami}\"}},\"latest\"]", AsAlice);

            Assert.True(own.TryGetProperty("result", out _), method + ": " + own);
            Assert.Equal((RpcErrorCodes.InvalidParams, "from must be the authenticated account"), Error(other));
        }
    }

    [Fact]
    public async Task Raw_transaction_must_come_from_the_sessions_account()
    {
        var signedByAlice = DynamicFee(AliceKey, 0, Bob, 1);
        var payload = $"[\"{Hex.ToHexString(Core.Transactions.TransactionCodec.Encode(signedByAlice))}\"]";

        var refused = await _harness.CallAsync("eth_sendRawTransaction", payload, AsCarol);

        Assert.Equal((RpcErrorCodes.Forbidden, "transaction sender must be the authenticated account"), Error(refused));
        Assert.Equal(0, _harness.Pool.Count);
        Assert.Equal(signedByAlice.Hash.ToString(), Result(await _harness.CallAsync("eth_sendRawTransaction", payload, AsAlice)).GetString());
        Assert.Equal(1, _harness.Pool.Count);
    }

    [Fact]
    public async Task Aggregates_are_the_same_for_every_caller()
    {
        await MineScenario();

        foreach (var (method, parameters) in new[] { ("eth_feeHistory", "[\"0x2\",\"latest\",[50]]"), ("eth_gasPrice", "[]"), ("eth_blockNumber", "[]"), ("eth_chainId", "[]") })
        {
            Assert.Equal(await _harness.RawCallAsync(method, parameters, AsAlice), await _harness.RawCallAsync(method, parameters, AsCarol));
        }
    }

    private async Task MineScenario()
    {
        _transfer = await _harness.SendAsync(DynamicFee(AliceKey, 0, Bob, 1), AsAlice);
        _call = await _harness.SendAsync(DynamicFee(AliceKey, 1, Logger), AsAlice);
        _block = _harness.Mine();
    }

    /// <summary>
    /// The denied request answers byte for byte as the request for something that does not exist, asked by an auditor
    /// (who may read everything, so the answer is the genuine missing-object answer).
    /// </summary>
    private async Task AssertSameAnswer(string method, string deniedParams, string missingParams, RpcCallContext caller)
    {
        var denied = await _harness.RawCallAsync(method, deniedParams, caller);
        var missing = await _harness.RawCallAsync(method, missingParams, AsAuditor);
        Assert.Equal(missing, denied);
    }

    /// <summary>A policy that shows a contract's code only to the contract itself.</summary>
    private sealed class NoCodeAuthorizer : IReadAuthorizer
    {
        public bool CanSeeTransaction(in ReadCaller caller, Address sender, Address? recipient) => DefaultReadAuthorizer.Instance.CanSeeTransaction(caller, sender, recipient);

        public bool CanSeeLog(in ReadCaller caller, Address sender, Address? recipient, Address emitter) => DefaultReadAuthorizer.Instance.CanSeeLog(caller, sender, recipient, emitter);

        public bool CanSeeAccount(in ReadCaller caller, Address account) => DefaultReadAuthorizer.Instance.CanSeeAccount(caller, account);

        public bool CanSeeCode(in ReadCaller caller, Address account) => caller.Account == account;

        public bool CanReadRawState(in ReadCaller caller) => DefaultReadAuthorizer.Instance.CanReadRawState(caller);

        public bool CanCallAs(in ReadCaller caller, Address? from) => DefaultReadAuthorizer.Instance.CanCallAs(caller, from);
    }
}
