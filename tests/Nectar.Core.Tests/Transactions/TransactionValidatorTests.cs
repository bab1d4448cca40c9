using System.Globalization;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;

namespace Nectar.Core.Tests.Transactions;

public sealed class TransactionValidatorTests
{
    private const ulong Chain = 1;

    private static readonly UInt256 N = UInt256.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", CultureInfo.InvariantCulture);
    private static readonly UInt256 HalfN = UInt256.Parse("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", CultureInfo.InvariantCulture);
    private static readonly Authorization AnAuthorization = new(Chain, Address.Zero, 0, 0, 1, 1);

    public static TheoryData<TransactionType, Fork> TypeActivations() => new()
    {
        { TransactionType.AccessList, Fork.Berlin },
        { TransactionType.DynamicFee, Fork.London },
        { TransactionType.SetCode, Fork.Prague },
    };

    [Theory]
    [MemberData(nameof(TypeActivations))]
    public void Accepts_a_type_from_its_fork_and_rejects_it_before(TransactionType type, Fork activation)
    {
        var transaction = Valid(type);
        Assert.True(Validate(transaction, activation).IsValid, Validate(transaction, activation).ToString());
        Assert.True(Validate(transaction, Fork.Prague).IsValid);
        AssertFails(transaction, activation - 1, TransactionError.TypeNotEnabled, $"EIP-{(type == TransactionType.AccessList ? 2930 : type == TransactionType.DynamicFee ? 1559 : 7702)}");
    }

    [Fact]
    public void Accepts_every_valid_sample_in_Prague()
    {
        Assert.True(Validate(Valid(TransactionType.Legacy), Fork.Prague).IsValid);
        Assert.True(Validate(Valid(TransactionType.Legacy, chainId: null), Fork.Prague).IsValid);
        Assert.True(Validate(Valid(TransactionType.Legacy, chainId: null), Fork.Frontier).IsValid);
    }

    [Fact]
    public void Rejects_a_typed_transaction_for_another_chain()
    {
        AssertFails(Valid(TransactionType.DynamicFee, chainId: 5), Fork.Cancun, TransactionError.InvalidChainId, "chain 5");
        AssertFails(Valid(TransactionType.AccessList, chainId: 0), Fork.Cancun, TransactionError.InvalidChainId, "chain 0");
    }

    [Fact]
    public void Rejects_a_typed_y_parity_other_than_zero_or_one()
    {
        AssertFails(Valid(TransactionType.DynamicFee, v: 2), Fork.Cancun, TransactionError.InvalidSignature, "y parity");
        AssertFails(Valid(TransactionType.DynamicFee, v: 27), Fork.Cancun, TransactionError.InvalidSignature, "y parity");
    }

    [Fact]
    public void Accepts_eip155_signatures_only_from_Spurious_Dragon()
    {
        var protectedTransaction = Valid(TransactionType.Legacy, v: 38);
        Assert.True(Validate(protectedTransaction, Fork.SpuriousDragon).IsValid);
        AssertFails(protectedTransaction, Fork.TangerineWhistle, TransactionError.InvalidSignature, "EIP-155");
    }

    [Fact]
    public void Rejects_an_eip155_signature_for_another_chain()
    {
        AssertFails(Valid(TransactionType.Legacy, v: 39, chainId: 2), Fork.Cancun, TransactionError.InvalidChainId, "v = 37 or 38");
        AssertFails(Valid(TransactionType.Legacy, v: 35, chainId: 0), Fork.Cancun, TransactionError.InvalidChainId, "chain 0");
    }

    [Fact]
    public void Rejects_a_chain_id_inconsistent_with_v()
    {
        AssertFails(Valid(TransactionType.Legacy, v: 41, chainId: 1), Fork.Cancun, TransactionError.InvalidChainId, "v = 41");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(34)]
    public void Rejects_a_legacy_v_of_no_valid_form(ulong v)
    {
        AssertFails(Valid(TransactionType.Legacy, v: v, chainId: null), Fork.Cancun, TransactionError.InvalidChainId, $"v = {v}");
        AssertFails(Valid(TransactionType.Legacy, v: v, chainId: null), Fork.Homestead, TransactionError.InvalidSignature, $"v = {v}");
    }

    [Fact]
    public void Rejects_r_and_s_outside_one_to_n_minus_one()
    {
        foreach (var bad in new[] { UInt256.Zero, N, N + UInt256.One, UInt256.MaxValue })
        {
            AssertFails(Valid(TransactionType.Legacy, chainId: null, r: bad), Fork.Frontier, TransactionError.InvalidSignature, "r must lie");
            AssertFails(Valid(TransactionType.Legacy, chainId: null, s: bad), Fork.Frontier, TransactionError.InvalidSignature, "s must lie");
        }

        Assert.True(Validate(Valid(TransactionType.Legacy, chainId: null, r: N - UInt256.One, s: N - UInt256.One), Fork.Frontier).IsValid);
        Assert.True(Validate(Valid(TransactionType.Legacy, r: UInt256.One, s: UInt256.One), Fork.Cancun).IsValid);
    }

    [Fact]
    public void Rejects_high_s_from_Homestead()
    {
        var high = Valid(TransactionType.Legacy, chainId: null, s: HalfN + UInt256.One);
        Assert.True(Validate(high, Fork.Frontier).IsValid);
        AssertFails(high, Fork.Homestead, TransactionError.InvalidSignature, "n / 2");
        AssertFails(Valid(TransactionType.DynamicFee, s: HalfN + UInt256.One), Fork.Cancun, TransactionError.InvalidSignature, "n / 2");
        Assert.True(Validate(Valid(TransactionType.DynamicFee, s: HalfN), Fork.Cancun).IsValid);
    }

    [Fact]
    public void Rejects_the_maximum_nonce()
    {
        AssertFails(Valid(TransactionType.DynamicFee, nonce: ulong.MaxValue), Fork.Cancun, TransactionError.NonceAtMaximum, "2681");
        Assert.True(Validate(Valid(TransactionType.DynamicFee, nonce: ulong.MaxValue - 1), Fork.Cancun).IsValid);
    }

    [Fact]
    public void Rejects_a_priority_fee_above_the_maximum_fee()
    {
        AssertFails(Valid(TransactionType.DynamicFee, maxFee: 10, priorityFee: 11), Fork.Cancun, TransactionError.PriorityFeeAboveMaxFee, "priority fee 11");
        Assert.True(Validate(Valid(TransactionType.DynamicFee, maxFee: 10, priorityFee: 10), Fork.Cancun).IsValid);
    }

    [Fact]
    public void Rejects_a_gas_limit_price_product_beyond_256_bits()
    {
        const ulong gas = 100_000;
        var largest = UInt256.MaxValue / new UInt256(gas);
        Assert.True(Validate(Valid(TransactionType.Legacy, gasLimit: gas, maxFee: largest), Fork.Cancun).IsValid);
        AssertFails(Valid(TransactionType.Legacy, gasLimit: gas, maxFee: largest + UInt256.One), Fork.Cancun, TransactionError.GasLimitPriceProductOverflow, "256 bits");
        AssertFails(Valid(TransactionType.DynamicFee, gasLimit: gas, maxFee: largest + UInt256.One, priorityFee: 1), Fork.Cancun, TransactionError.GasLimitPriceProductOverflow, "256 bits");
    }

    [Fact]
    public void Rejects_a_set_code_transaction_that_creates_a_contract()
    {
        AssertFails(Valid(TransactionType.SetCode, creation: true), Fork.Prague, TransactionError.CreationNotAllowed, "recipient");
    }

    [Fact]
    public void Rejects_a_set_code_transaction_without_authorizations()
    {
        var empty = new Transaction
        {
            Type = TransactionType.SetCode,
            ChainId = Chain,
            To = Address.Zero,
            GasLimit = 100_000,
            V = 0,
            R = 1,
            S = 1,
        };
        AssertFails(empty, Fork.Prague, TransactionError.EmptyAuthorizationList, "at least one authorization");
    }

    [Fact]
    public void Rejects_initcode_beyond_the_limit_from_Shanghai()
    {
        var atLimit = Valid(TransactionType.DynamicFee, creation: true, data: new byte[49_152], gasLimit: 10_000_000);
        var beyond = Valid(TransactionType.DynamicFee, creation: true, data: new byte[49_153], gasLimit: 10_000_000);
        Assert.True(Validate(atLimit, Fork.Shanghai).IsValid);
        Assert.True(Validate(beyond, Fork.Paris).IsValid);
        AssertFails(beyond, Fork.Shanghai, TransactionError.InitCodeTooLarge, "49153");

        // A call may carry as much data as it likes.
        Assert.True(Validate(Valid(TransactionType.DynamicFee, data: new byte[49_153], gasLimit: 10_000_000), Fork.Shanghai).IsValid);
    }

    [Fact]
    public void Requires_the_gas_limit_to_cover_the_intrinsic_gas()
    {
        var data = new byte[] { 1, 0, 2 };
        var intrinsic = 21_000UL + 16 + 4 + 16;
        Assert.True(Validate(Valid(TransactionType.DynamicFee, data: data, gasLimit: intrinsic), Fork.Cancun).IsValid);
        AssertFails(Valid(TransactionType.DynamicFee, data: data, gasLimit: intrinsic - 1), Fork.Cancun, TransactionError.IntrinsicGasTooLow, $"intrinsic gas {intrinsic}");
    }

    [Fact]
    public void Requires_the_gas_limit_to_cover_the_calldata_floor_from_Prague()
    {
        var data = Enumerable.Repeat((byte)0xff, 1_000).ToArray();
        var atFloor = Valid(TransactionType.DynamicFee, data: data, gasLimit: 61_000);
        var belowFloor = Valid(TransactionType.DynamicFee, data: data, gasLimit: 60_999);
        Assert.True(Validate(atFloor, Fork.Prague).IsValid);
        Assert.True(Validate(belowFloor, Fork.Cancun).IsValid);
        AssertFails(belowFloor, Fork.Prague, TransactionError.GasLimitBelowCalldataFloor, "floor 61000");
    }

    [Fact]
    public void Reports_the_type_before_the_signature()
    {
        var result = Validate(Valid(TransactionType.DynamicFee, chainId: 5, v: 9), Fork.Berlin);
        Assert.Equal(TransactionError.TypeNotEnabled, result.Error);
    }

    private static TransactionValidationResult Validate(Transaction transaction, Fork fork) =>
        TransactionValidator.Validate(transaction, ForkSpec.For(fork), Chain);

    private static void AssertFails(Transaction transaction, Fork fork, TransactionError error, string messagePart)
    {
        var result = Validate(transaction, fork);
        Assert.Equal(error, result.Error);
        Assert.False(result.IsValid);
        Assert.Contains(messagePart, result.Message, StringComparison.Ordinal);
    }

    private static Transaction Valid(
        TransactionType type,
        ulong? v = null,
        ulong? chainId = Chain,
        UInt256? r = null,
        UInt256? s = null,
        ulong nonce = 0,
        UInt256? maxFee = null,
        UInt256? priorityFee = null,
        ulong gasLimit = 100_000,
        bool creation = false,
        byte[]? data = null) => new()
        {
            Type = type,
            ChainId = chainId is { } id ? new UInt256(id) : null,
            Nonce = nonce,
            MaxFeePerGas = maxFee ?? 10,
            MaxPriorityFeePerGas = priorityFee ?? 1,
            GasLimit = gasLimit,
            To = creation ? null : Address.Zero,
            Data = data ?? [],
            AuthorizationList = type == TransactionType.SetCode ? [AnAuthorization] : [],
            V = v ?? (type != TransactionType.Legacy ? 1UL : chainId is { } c ? (2 * c) + 35 : 27UL),
            R = r ?? 12345,
            S = s ?? 6789,
        };
}
