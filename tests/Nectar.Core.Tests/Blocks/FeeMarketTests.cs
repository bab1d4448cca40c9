using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Specs;

namespace Nectar.Core.Tests.Blocks;

public sealed class FeeMarketTests
{
    private static readonly ForkSpec Berlin = ForkSpec.For(Fork.Berlin);
    private static readonly ForkSpec London = ForkSpec.For(Fork.London);
    private static readonly ForkSpec Cancun = ForkSpec.For(Fork.Cancun);
    private static readonly ForkSpec Prague = ForkSpec.For(Fork.Prague);

    [Fact]
    public void Base_fee_is_absent_before_London_and_one_gwei_in_the_first_London_block()
    {
        var berlinParent = new BlockHeader { GasLimit = 30_000_000, GasUsed = 30_000_000 };
        Assert.Null(BaseFee.Next(berlinParent, Berlin));
        Assert.Equal(new UInt256(1_000_000_000), BaseFee.Next(berlinParent, London));
    }

    [Theory]
    [InlineData(30_000_000, 15_000_000, 1_000_000_000, 1_000_000_000)]
    [InlineData(30_000_000, 30_000_000, 1_000_000_000, 1_125_000_000)]
    [InlineData(30_000_000, 0, 1_000_000_000, 875_000_000)]
    [InlineData(30_000_000, 20_000_000, 1_000_000_000, 1_041_666_666)]
    [InlineData(30_000_000, 10_000_000, 1_000_000_000, 958_333_334)]
    [InlineData(30_000_000, 15_000_001, 7, 8)]
    [InlineData(30_000_000, 0, 7, 7)]
    [InlineData(30_000_000, 0, 8, 7)]
    [InlineData(30_000_000, 0, 0, 0)]
    [InlineData(30_000_000, 30_000_000, 0, 1)]
    public void Moves_by_at_most_an_eighth_towards_the_gas_target(ulong gasLimit, ulong gasUsed, ulong parentBaseFee, ulong expected)
    {
        Assert.Equal(new UInt256(expected), BaseFee.Calculate(gasLimit, gasUsed, parentBaseFee));
        var parent = new BlockHeader { GasLimit = gasLimit, GasUsed = gasUsed, BaseFeePerGas = parentBaseFee };
        Assert.Equal(new UInt256(expected), BaseFee.Next(parent, Cancun));
    }

    [Fact]
    public void Follows_a_sequence_of_full_and_empty_blocks()
    {
        // Seven full blocks raise the fee by 9/8 each time (integer division), then seven empty ones lower it.
        UInt256 fee = 1_000_000_000UL;
        ulong[] expected =
        [
            1_125_000_000, 1_265_625_000, 1_423_828_125, 1_601_806_640, 1_802_032_470, 2_027_286_528, 2_280_697_344,
            1_995_610_176, 1_746_158_904, 1_527_889_041, 1_336_902_911, 1_169_790_048, 1_023_566_292, 895_620_506,
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            fee = BaseFee.Calculate(30_000_000, i < 7 ? 30_000_000UL : 0UL, fee);
            Assert.Equal(new UInt256(expected[i]), fee);
        }
    }

    [Fact]
    public void Stays_exact_for_base_fees_beyond_192_bits()
    {
        var huge = UInt256.MaxValue >> 10;
        var raised = BaseFee.Calculate(30_000_000, 30_000_000, huge);
        Assert.Equal(huge + (huge / new UInt256(8)), raised);
        Assert.Equal(UInt256.MaxValue, BaseFee.Calculate(30_000_000, 30_000_000, UInt256.MaxValue));
        Assert.Equal(UInt256.MaxValue - (UInt256.MaxValue / new UInt256(8)), BaseFee.Calculate(30_000_000, 0, UInt256.MaxValue));
    }

    [Theory]
    [InlineData(1UL, 0UL, 1UL, 1UL)]
    [InlineData(38_493UL, 0UL, 1_000UL, 38_493UL)]
    [InlineData(0UL, 1_234UL, 2_345UL, 0UL)]
    [InlineData(1UL, 2UL, 1UL, 6UL)]
    [InlineData(1UL, 4UL, 2UL, 6UL)]
    [InlineData(1UL, 3UL, 1UL, 16UL)]
    [InlineData(1UL, 6UL, 2UL, 18UL)]
    [InlineData(1UL, 4UL, 1UL, 49UL)]
    [InlineData(1UL, 8UL, 2UL, 50UL)]
    [InlineData(10UL, 8UL, 2UL, 542UL)]
    [InlineData(11UL, 8UL, 2UL, 596UL)]
    [InlineData(1UL, 5UL, 1UL, 136UL)]
    [InlineData(1UL, 5UL, 2UL, 11UL)]
    [InlineData(2UL, 5UL, 2UL, 23UL)]
    [InlineData(1UL, 50_000_000UL, 2_225_652UL, 5_709_098_764UL)]
    public void Fake_exponential_matches_the_eip(ulong factor, ulong numerator, ulong denominator, ulong expected)
    {
        Assert.Equal(new UInt256(expected), BlobGas.FakeExponential(factor, numerator, denominator));
    }

    [Fact]
    public void Fake_exponential_is_exact_beyond_64_bits_and_saturates_beyond_256()
    {
        Assert.Equal(
            UInt256.Parse("141225600175420053984484478556187326875341845626204972917527838023403968468", System.Globalization.CultureInfo.InvariantCulture),
            BlobGas.FakeExponential(1, 380_000_000, 2_225_652));
        Assert.Equal(UInt256.MaxValue, BlobGas.FakeExponential(1, 1_000_000_000, 3_338_477));
        Assert.Equal(UInt256.MaxValue, BlobGas.FakeExponential(1, ulong.MaxValue, 1));
    }

    [Theory]
    [InlineData(0UL, 1UL, 1UL)]
    [InlineData(2_314_057UL, 1UL, 1UL)]
    [InlineData(2_314_058UL, 2UL, 1UL)]
    [InlineData(10_485_760UL, 23UL, 8UL)]
    [InlineData(100_000_000UL, 10_203_769_476_395UL, 470_442_149UL)]
    public void Blob_base_fee_uses_the_fork_update_fraction(ulong excess, ulong cancunFee, ulong pragueFee)
    {
        Assert.Equal(new UInt256(cancunFee), BlobGas.BaseFeePerBlobGas(excess, Cancun));
        Assert.Equal(new UInt256(pragueFee), BlobGas.BaseFeePerBlobGas(excess, Prague));
    }

    [Fact]
    public void Blob_targets_follow_the_fork()
    {
        Assert.Equal(393_216UL, BlobGas.TargetPerBlock(Cancun));
        Assert.Equal(786_432UL, BlobGas.MaxPerBlock(Cancun));
        Assert.Equal(786_432UL, BlobGas.TargetPerBlock(Prague));
        Assert.Equal(1_179_648UL, BlobGas.MaxPerBlock(Prague));
    }

    [Theory]
    [InlineData(0UL, 0UL, 0UL, 0UL)]
    [InlineData(0UL, 393_216UL, 0UL, 0UL)]
    [InlineData(0UL, 786_432UL, 393_216UL, 0UL)]
    [InlineData(1_000_000UL, 0UL, 606_784UL, 213_568UL)]
    [InlineData(100UL, 131_072UL, 0UL, 0UL)]
    [InlineData(ulong.MaxValue, 786_432UL, ulong.MaxValue, ulong.MaxValue)]
    public void Excess_blob_gas_carries_what_exceeds_the_target(ulong parentExcess, ulong parentUsed, ulong cancunExcess, ulong pragueExcess)
    {
        Assert.Equal(cancunExcess, BlobGas.CalculateExcess(parentExcess, parentUsed, Cancun));
        Assert.Equal(pragueExcess, BlobGas.CalculateExcess(parentExcess, parentUsed, Prague));
        var parent = new BlockHeader { BaseFeePerGas = 7, WithdrawalsRoot = default, BlobGasUsed = parentUsed, ExcessBlobGas = parentExcess, ParentBeaconBlockRoot = default };
        Assert.Equal(cancunExcess, BlobGas.NextExcess(parent, Cancun));
    }

    [Fact]
    public void Excess_blob_gas_is_absent_before_Cancun_and_zero_after_a_pre_Cancun_parent()
    {
        var shanghaiParent = new BlockHeader { BaseFeePerGas = 7, WithdrawalsRoot = default };
        Assert.Null(BlobGas.NextExcess(shanghaiParent, ForkSpec.For(Fork.Shanghai)));
        Assert.Equal(0UL, BlobGas.NextExcess(shanghaiParent, Cancun));
    }
}
