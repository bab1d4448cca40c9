using System.Globalization;
using Nectar.Chain.Tests.TxPool.Support;
using Nectar.Chain.TxPool;
using Nectar.Core.Numerics;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Tests.TxPool;

/// <summary>Every refusal with its exact message and JSON-RPC code, each beside the acceptance it guards.</summary>
public sealed class SubmissionErrorTests
{
    private static readonly UInt256 CurveOrder = UInt256.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", CultureInfo.InvariantCulture);

    private readonly PoolHarness _h = new();

    private static void AssertRefused(TxPoolResult result, TxPoolError error, string message)
    {
        Assert.False(result.IsAccepted);
        Assert.Equal(error, result.Error);
        Assert.Equal(message, result.Message);
        Assert.Equal(error == TxPoolError.SenderNotAdmitted ? -32095 : -32000, result.RpcErrorCode);
    }

    private static void AssertAccepted(TxPoolResult result, Transaction tx)
    {
        Assert.True(result.IsAccepted, result.ToString());
        Assert.Null(result.Message);
        Assert.Equal(0, result.RpcErrorCode);
        Assert.Equal(tx.Hash, result.Hash);
    }

    [Fact]
    public void Rejects_an_encoding_above_128_KiB_as_oversized_data()
    {
        var a = _h.Account(0);
        var tx = TxFactory.DynamicFee(a, 0, gas: 2_000_000, data: new byte[131_072]);
        var encoded = TxFactory.Encode(tx);
        Assert.True(encoded.Length > 131_072);

        AssertRefused(_h.Pool.Submit(encoded), TxPoolError.OversizedData, $"oversized data: transaction size {encoded.Length}, limit 131072");
        AssertRefused(_h.Pool.Submit(tx), TxPoolError.OversizedData, $"oversized data: transaction size {encoded.Length}, limit 131072");
        Assert.Equal(0, _h.Pool.Count);
    }

    [Fact]
    public void Accepts_an_encoding_of_exactly_128_KiB()
    {
        var a = _h.Account(0);
        Transaction? tx = null;
        for (var length = 130_900; length < 131_072; length++)
        {
            var candidate = TxFactory.DynamicFee(a, 0, gas: 2_000_000, data: new byte[length]);
            if (TransactionCodec.GetEncodedLength(candidate) == 131_072)
            {
                tx = candidate;
                break;
            }
        }

        Assert.NotNull(tx);
        AssertAccepted(_h.Submit(tx), tx);
    }

    [Fact]
    public void Rejects_malformed_rlp_with_the_codec_detail()
    {
        byte[] encoded = [0xc0];
        var detail = Assert.Throws<TransactionDecodingException>(() => TransactionCodec.Decode(encoded)).Message;

        AssertRefused(_h.Pool.Submit(encoded), TxPoolError.InvalidEncoding, "invalid transaction encoding: " + detail);
        AssertRefused(_h.Pool.Submit([]), TxPoolError.InvalidEncoding, "invalid transaction encoding: An empty input is not a transaction.");
    }

    [Fact]
    public void Rejects_trailing_bytes_after_a_valid_transaction()
    {
        var a = _h.Account(0);
        var tx = TxFactory.DynamicFee(a, 0);
        byte[] padded = [.. TxFactory.Encode(tx), 0x00];

        var result = _h.Pool.Submit(padded);

        Assert.Equal(TxPoolError.InvalidEncoding, result.Error);
        Assert.StartsWith("invalid transaction encoding: ", result.Message, StringComparison.Ordinal);
        AssertAccepted(_h.Submit(tx), tx);
    }

    [Fact]
    public void Rejects_a_blob_transaction_with_the_codecs_clear_error()
    {
        byte[] encoded = [0x03, 0xc0];
        var detail = Assert.Throws<TransactionDecodingException>(() => TransactionCodec.Decode(encoded)).Message;
        Assert.Contains("Blob transactions (type 3) are not supported", detail, StringComparison.Ordinal);

        AssertRefused(_h.Pool.Submit(encoded), TxPoolError.BlobTransactionsNotSupported, "transaction type not supported: " + detail);
    }

    [Fact]
    public void Rejects_an_unknown_type_byte()
    {
        byte[] encoded = [0x05, 0xc0];
        var detail = Assert.Throws<TransactionDecodingException>(() => TransactionCodec.Decode(encoded)).Message;

        AssertRefused(_h.Pool.Submit(encoded), TxPoolError.UnsupportedType, "transaction type not supported: " + detail);
    }

    [Fact]
    public void Rejects_a_type_the_fork_has_not_enabled()
    {
        var cancun = new PoolHarness(Fork.Cancun);
        var a = cancun.Account(0);
        var setCode = TxFactory.SetCode(a, 0);

        AssertRefused(cancun.Submit(setCode), TxPoolError.TypeNotEnabled, "transaction type not supported: type 4 (EIP-7702) is not enabled in Cancun");

        var berlin = new PoolHarness(Fork.Berlin);
        berlin.Account(0);
        AssertRefused(berlin.Submit(TxFactory.DynamicFee(a, 0)), TxPoolError.TypeNotEnabled, "transaction type not supported: type 2 (EIP-1559) is not enabled in Berlin");
        var accessList = TxFactory.AccessList(a, 0);
        AssertAccepted(berlin.Submit(accessList), accessList);
    }

    [Fact]
    public void Accepts_a_set_code_transaction_from_Prague()
    {
        var a = _h.Account(0);
        var setCode = TxFactory.SetCode(a, 0);
        AssertAccepted(_h.Submit(setCode), setCode);
    }

    [Fact]
    public void Rejects_a_typed_transaction_for_another_chain()
    {
        var a = _h.Account(0);
        AssertRefused(_h.Submit(TxFactory.DynamicFee(a, 0, chainId: 5)), TxPoolError.InvalidChainId, "invalid sender: invalid chain id for signer: have 5 want 1337");

        var ours = TxFactory.DynamicFee(a, 0);
        AssertAccepted(_h.Submit(ours), ours);
    }

    [Fact]
    public void Rejects_an_eip155_legacy_transaction_for_another_chain()
    {
        var a = _h.Account(0);
        AssertRefused(_h.Submit(TxFactory.Legacy(a, 0, chainId: 1)), TxPoolError.InvalidChainId, "invalid sender: invalid chain id for signer: have 1 want 1337");

        var ours = TxFactory.Legacy(a, 0);
        AssertAccepted(_h.Submit(ours), ours);
    }

    [Fact]
    public void Rejects_a_legacy_transaction_without_replay_protection_by_default()
    {
        var a = _h.Account(0);
        var unprotected = TxFactory.Legacy(a, 0, chainId: null);
        Assert.True(unprotected.V == 27 || unprotected.V == 28);

        AssertRefused(_h.Submit(unprotected), TxPoolError.UnprotectedTransaction, "only replay-protected (EIP-155) transactions allowed over RPC");
    }

    [Fact]
    public void Accepts_a_legacy_transaction_without_replay_protection_when_allowed()
    {
        var h = new PoolHarness(allowUnprotected: true);
        var a = h.Account(0);
        var unprotected = TxFactory.Legacy(a, 0, chainId: null);

        AssertAccepted(h.Submit(unprotected), unprotected);
        Assert.Equal(a.Address, unprotected.Sender);
    }

    [Fact]
    public void Rejects_a_high_s_signature()
    {
        var a = _h.Account(0);
        var tx = TxFactory.DynamicFee(a, 0);
        var flipped = tx.WithSignature(tx.V == UInt256.One ? UInt256.Zero : UInt256.One, tx.R, CurveOrder - tx.S);

        AssertRefused(_h.Submit(flipped), TxPoolError.InvalidSignature, "invalid sender: invalid transaction v, r, s values");
        AssertAccepted(_h.Submit(tx), tx);
    }

    [Fact]
    public void Rejects_a_zero_r()
    {
        var a = _h.Account(0);
        var tx = TxFactory.DynamicFee(a, 0);

        AssertRefused(_h.Submit(tx.WithSignature(tx.V, UInt256.Zero, tx.S)), TxPoolError.InvalidSignature, "invalid sender: invalid transaction v, r, s values");
    }

    [Fact]
    public void Rejects_a_signature_from_which_no_key_recovers()
    {
        var a = _h.Account(0);
        var tx = TxFactory.DynamicFee(a, 0);

        // An r that is no x coordinate on the curve passes the range checks but recovers nothing.
        var r = UInt256.One;
        Span<byte> publicKey = stackalloc byte[64];
        var hash = TransactionCodec.ComputeSigningHash(tx);
        while (TxFactory.Secp256k1.TryRecover(hash.Bytes, [.. r.ToBigEndian(), .. tx.S.ToBigEndian()], (int)tx.V.U0, publicKey))
        {
            r += UInt256.One;
        }

        AssertRefused(_h.Submit(tx.WithSignature(tx.V, r, tx.S)), TxPoolError.InvalidSender, "invalid sender: no public key recovers from the signature");
        AssertAccepted(_h.Submit(tx), tx);
    }

    [Fact]
    public void Rejects_the_maximum_nonce()
    {
        var a = _h.Account(0);
        AssertRefused(_h.Submit(TxFactory.DynamicFee(a, ulong.MaxValue)), TxPoolError.NonceMax, "nonce has max value");
    }

    [Fact]
    public void Accepts_the_largest_nonce_below_the_maximum()
    {
        var a = _h.Account(0, nonce: ulong.MaxValue - 1);
        var tx = TxFactory.DynamicFee(a, ulong.MaxValue - 1);
        AssertAccepted(_h.Submit(tx), tx);
    }

    [Fact]
    public void Rejects_a_priority_fee_above_the_maximum_fee()
    {
        var a = _h.Account(0);
        AssertRefused(
            _h.Submit(TxFactory.DynamicFee(a, 0, maxFeeGwei: 1, tipGwei: 2)),
            TxPoolError.TipAboveFeeCap,
            "max priority fee per gas higher than max fee per gas: maxPriorityFeePerGas: 2000000000, maxFeePerGas: 1000000000");

        var equal = TxFactory.DynamicFee(a, 0, maxFeeGwei: 2, tipGwei: 2);
        AssertAccepted(_h.Submit(equal), equal);
    }

    [Fact]
    public void Rejects_a_fee_whose_product_with_the_gas_limit_overflows()
    {
        var a = _h.Account(0);
        AssertRefused(
            _h.Submit(TxFactory.DynamicFeeWei(a, 0, UInt256.MaxValue, UInt256.One)),
            TxPoolError.FeeCapTooHigh,
            "max fee per gas higher than 2^256-1 when multiplied by the gas limit");
    }

    [Fact]
    public void Accepts_the_largest_fee_whose_product_with_the_gas_limit_fits()
    {
        var a = _h.Account(0, balance: UInt256.MaxValue);
        var tx = TxFactory.DynamicFeeWei(a, 0, UInt256.MaxValue / new UInt256(21_000), UInt256.One);
        AssertAccepted(_h.Submit(tx), tx);
    }

    [Fact]
    public void Rejects_a_set_code_transaction_without_authorizations()
    {
        var a = _h.Account(0);
        AssertRefused(_h.Submit(TxFactory.SetCode(a, 0, withAuthorization: false)), TxPoolError.EmptyAuthorizationList, "EIP-7702 transaction with empty auth list");
    }

    [Fact]
    public void Rejects_a_set_code_transaction_that_creates_a_contract()
    {
        var a = _h.Account(0);
        AssertRefused(_h.Submit(TxFactory.SetCode(a, 0, creation: true)), TxPoolError.SetCodeCreation, "EIP-7702 transaction cannot be used to create contract");
    }

    [Fact]
    public void Rejects_initcode_above_the_eip3860_limit()
    {
        var a = _h.Account(0);
        AssertRefused(
            _h.Submit(TxFactory.DynamicFee(a, 0, gas: 600_000, data: new byte[49_153], creation: true)),
            TxPoolError.MaxInitCodeSizeExceeded,
            "max initcode size exceeded: code size 49153, limit 49152");

        var atLimit = TxFactory.DynamicFee(a, 0, gas: 600_000, data: new byte[49_152], creation: true);
        AssertAccepted(_h.Submit(atLimit), atLimit);
    }

    [Fact]
    public void Rejects_a_gas_limit_below_the_intrinsic_gas()
    {
        var a = _h.Account(0);
        AssertRefused(_h.Submit(TxFactory.DynamicFee(a, 0, gas: 20_999)), TxPoolError.IntrinsicGasTooLow, "intrinsic gas too low: gas 20999, minimum needed 21000");

        var exact = TxFactory.DynamicFee(a, 0, gas: 21_000);
        AssertAccepted(_h.Submit(exact), exact);
    }

    [Fact]
    public void Rejects_a_gas_limit_below_the_eip7623_floor_from_Prague()
    {
        var a = _h.Account(0);
        var data = Enumerable.Repeat((byte)0xff, 100).ToArray();

        // Intrinsic gas 21,000 + 100 * 16 = 22,600; floor 21,000 + 10 * 400 = 25,000.
        AssertRefused(
            _h.Submit(TxFactory.DynamicFee(a, 0, gas: 24_999, data: data)),
            TxPoolError.FloorDataGas,
            "insufficient gas for floor data gas cost: gas 24999, minimum needed 25000");

        var atFloor = TxFactory.DynamicFee(a, 0, gas: 25_000, data: data);
        AssertAccepted(_h.Submit(atFloor), atFloor);
    }

    [Fact]
    public void Accepts_a_gas_limit_below_the_floor_before_Prague()
    {
        var cancun = new PoolHarness(Fork.Cancun);
        var a = cancun.Account(0);
        var tx = TxFactory.DynamicFee(a, 0, gas: 24_999, data: Enumerable.Repeat((byte)0xff, 100).ToArray());
        AssertAccepted(cancun.Submit(tx), tx);
    }

    [Fact]
    public void Rejects_a_gas_limit_above_the_block_gas_limit()
    {
        var a = _h.Account(0);
        AssertRefused(_h.Submit(TxFactory.DynamicFee(a, 0, gas: PoolHarness.BlockGasLimit + 1)), TxPoolError.ExceedsBlockGasLimit, "exceeds block gas limit");

        var atLimit = TxFactory.DynamicFee(a, 0, gas: PoolHarness.BlockGasLimit);
        AssertAccepted(_h.Submit(atLimit), atLimit);
    }

    [Fact]
    public void Rejects_a_sender_the_admission_port_refuses_with_nectars_code()
    {
        var a = _h.Account(0);
        _h.Admission.Refuse(a.Address, "account suspended");

        AssertRefused(_h.Submit(TxFactory.DynamicFee(a, 0)), TxPoolError.SenderNotAdmitted, "sender not admitted: account suspended");
        Assert.Equal(TxPoolErrorCodes.SenderNotAdmitted, -32095);
        Assert.Equal(0, _h.Pool.Count);

        _h.Admission.Allow(a.Address);
        var tx = TxFactory.DynamicFee(a, 0);
        AssertAccepted(_h.Submit(tx), tx);
    }

    [Fact]
    public void Rejects_a_sender_with_contract_code()
    {
        var a = _h.Account(0);
        _h.State.SetCode(a.Address, AccountCode.Contract);

        AssertRefused(_h.Submit(TxFactory.DynamicFee(a, 0)), TxPoolError.SenderNotEoa, $"sender not an eoa: address {a.Address}");
    }

    [Fact]
    public void Accepts_a_sender_whose_code_is_an_eip7702_delegation()
    {
        var a = _h.Account(0);
        _h.State.SetCode(a.Address, AccountCode.Delegation);
        var tx = TxFactory.DynamicFee(a, 0);

        AssertAccepted(_h.Submit(tx), tx);
    }

    [Fact]
    public void Rejects_a_nonce_below_the_account_nonce()
    {
        var a = _h.Account(0, nonce: 5);
        AssertRefused(_h.Submit(TxFactory.DynamicFee(a, 4)), TxPoolError.NonceTooLow, "nonce too low: next nonce 5, tx nonce 4");

        var next = TxFactory.DynamicFee(a, 5);
        AssertAccepted(_h.Submit(next), next);
    }

    [Fact]
    public void Rejects_a_nonce_beyond_the_allowed_gap()
    {
        var a = _h.Account(0, nonce: 3);
        AssertRefused(_h.Submit(TxFactory.DynamicFee(a, 68)), TxPoolError.NonceTooHigh, "nonce too high: next nonce 3, tx nonce 68, max gap 64");

        var farthest = TxFactory.DynamicFee(a, 67);
        AssertAccepted(_h.Submit(farthest), farthest);
        Assert.False(_h.Pool.IsExecutable(farthest.Hash));
    }

    [Fact]
    public void Rejects_a_balance_below_gas_times_max_fee_plus_value()
    {
        var tx = TxFactory.DynamicFee(Accounts.Get(0), 0, value: 5);
        var cost = TxFactory.Cost(tx);
        var a = _h.Account(0, balance: cost - UInt256.One);

        AssertRefused(
            _h.Submit(tx),
            TxPoolError.InsufficientFunds,
            $"insufficient funds for gas * price + value: balance {cost - UInt256.One}, tx cost {cost}, overshot 1");

        _h.State.SetBalance(a.Address, cost);
        AssertAccepted(_h.Submit(tx), tx);
    }

    [Fact]
    public void Rejects_a_cost_above_256_bits_as_insufficient_funds()
    {
        var a = _h.Account(0, balance: UInt256.MaxValue);
        var tx = TxFactory.DynamicFee(a, 0, value: UInt256.MaxValue);

        AssertRefused(
            _h.Submit(tx),
            TxPoolError.InsufficientFunds,
            $"insufficient funds for gas * price + value: balance {UInt256.MaxValue}, tx cost above 2^256-1");
    }

    [Fact]
    public void Rejects_a_transaction_already_in_the_pool()
    {
        var a = _h.Account(0);
        var tx = TxFactory.DynamicFee(a, 0);

        AssertAccepted(_h.Submit(tx), tx);
        AssertRefused(_h.Submit(tx), TxPoolError.AlreadyKnown, "already known");
        AssertRefused(_h.Pool.Submit(tx), TxPoolError.AlreadyKnown, "already known");
        Assert.Equal(1, _h.Pool.Count);
    }

    [Fact]
    public void Rejects_a_sender_beyond_its_transaction_limit()
    {
        var h = new PoolHarness(perSender: 4);
        var a = h.Account(0);
        h.SubmitAccepted(TxFactory.DynamicFee(a, 0), TxFactory.DynamicFee(a, 1), TxFactory.DynamicFee(a, 2), TxFactory.DynamicFee(a, 3));

        AssertRefused(h.Submit(TxFactory.DynamicFee(a, 4)), TxPoolError.AccountLimitExceeded, "account limit exceeded: pooled 4 txs");

        var other = h.Account(1);
        var tx = TxFactory.DynamicFee(other, 0);
        AssertAccepted(h.Submit(tx), tx);
    }

    [Fact]
    public void Reports_the_first_failing_check_in_the_documented_order()
    {
        var a = _h.Account(0, nonce: 5, balance: UInt256.Zero);

        // Wrong chain and too little gas: the chain id is checked first.
        Assert.Equal(TxPoolError.InvalidChainId, _h.Submit(TxFactory.DynamicFee(a, 0, gas: 20_000, chainId: 9)).Error);

        // Too little gas and an unadmitted sender: stateless validity first.
        _h.Admission.Refuse(a.Address, "not registered");
        Assert.Equal(TxPoolError.IntrinsicGasTooLow, _h.Submit(TxFactory.DynamicFee(a, 0, gas: 20_000)).Error);

        // Above the block gas limit and unadmitted: the gas limit first.
        Assert.Equal(TxPoolError.ExceedsBlockGasLimit, _h.Submit(TxFactory.DynamicFee(a, 0, gas: 40_000_000)).Error);

        // Unadmitted and nonce too low: admission first.
        Assert.Equal(TxPoolError.SenderNotAdmitted, _h.Submit(TxFactory.DynamicFee(a, 0)).Error);
        _h.Admission.Allow(a.Address);

        // Nonce too low and no funds: the nonce first; then the funds.
        Assert.Equal(TxPoolError.NonceTooLow, _h.Submit(TxFactory.DynamicFee(a, 0)).Error);
        Assert.Equal(TxPoolError.InsufficientFunds, _h.Submit(TxFactory.DynamicFee(a, 5)).Error);

        // Unfunded and already known: the funds first (the pooled copy was accepted while funded).
        _h.State.SetBalance(a.Address, PoolHarness.Rich);
        var tx = TxFactory.DynamicFee(a, 5);
        Assert.True(_h.Submit(tx).IsAccepted);
        _h.State.SetBalance(a.Address, UInt256.Zero);
        Assert.Equal(TxPoolError.InsufficientFunds, _h.Submit(tx).Error);
    }

    [Fact]
    public void Decoded_submissions_recover_an_uncached_sender()
    {
        var a = _h.Account(0);
        var decoded = TransactionCodec.Decode(TxFactory.Encode(TxFactory.DynamicFee(a, 0)));
        Assert.Null(decoded.Sender);

        AssertAccepted(_h.Pool.Submit(decoded), decoded);
        Assert.Equal(a.Address, decoded.Sender);
    }
}
