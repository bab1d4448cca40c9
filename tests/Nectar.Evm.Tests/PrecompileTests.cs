using Nectar.Core.Encoding;
using Nectar.Core.Specs;
using Nectar.Evm.Precompiles;

namespace Nectar.Evm.Tests;

public sealed class PrecompileTests
{
    private static readonly PrecompileSet Cancun = new(ForkSpec.For(Fork.Cancun), EvmHarness.Secp256k1);

    private static Precompile At(int index) => Cancun.TryGet(PrecompileSet.AddressOf(index), out var p) ? p : throw new InvalidOperationException();

    [Fact]
    public void Ecrecover_recovers_the_signer_of_a_known_signature()
    {
        // The go-ethereum ecrecover test vector.
        var input = Hex.Decode(
            "0x38d18acb67d25c8bb9942764b62f18e17054f66a817bd4295423adf9ed98873e000000000000000000000000000000000000000000000000000000000000001b38d18acb67d25c8bb9942764b62f18e17054f66a817bd4295423adf9ed98873e789d1dd423d25f0772d2748d60f7e4b81bb14d086eba8e8e8efb6dcff8a4ae02");

        Assert.True(At(1).TryRun(input, out var output));
        Assert.Equal("0x000000000000000000000000ceaccac640adf55b2028469bd36ba501f28b699d", Hex.ToHexString(output));
        Assert.Equal(3_000, At(1).GasCost(input, ForkSpec.For(Fork.Cancun)));
    }

    [Theory]
    [InlineData(26)]
    [InlineData(29)]
    public void Ecrecover_with_v_other_than_27_or_28_returns_nothing(byte v)
    {
        var input = new byte[128];
        input[63] = v;
        input[95] = 1;
        input[127] = 1;

        Assert.True(At(1).TryRun(input, out var output));
        Assert.Empty(output);
    }

    [Fact]
    public void Modexp_prices_absurd_lengths_without_allocating_them()
    {
        var input = new byte[96];
        input.AsSpan(0, 32).Fill(0xFF);
        input[63] = 1;
        input[95] = 1;

        Assert.Equal(long.MaxValue, At(5).GasCost(input, ForkSpec.For(Fork.Cancun)));
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000010302", 200L)]
    [InlineData("0x000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000001ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 200L)]
    public void Modexp_has_a_minimum_price_of_200_from_Berlin(string input, long expected) =>
        Assert.Equal(expected, At(5).GasCost(Hex.Decode(input), ForkSpec.For(Fork.Berlin)));

    [Fact]
    public void Modexp_computes_the_power()
    {
        // 3^2 mod 5 = 4, each operand one byte long.
        var input = Hex.Decode(
            "0x000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000001030205");

        Assert.True(At(5).TryRun(input, out var output));
        Assert.Equal(new byte[] { 4 }, output);
    }

    [Fact]
    public void Bn254_prices_follow_Istanbul()
    {
        var spec = ForkSpec.For(Fork.Istanbul);
        Assert.Equal(150, At(6).GasCost([], spec));
        Assert.Equal(6_000, At(7).GasCost([], spec));
        Assert.Equal(45_000 + (2 * 34_000), At(8).GasCost(new byte[2 * 192], spec));
        Assert.Equal(500, At(6).GasCost([], ForkSpec.For(Fork.Byzantium)));
    }

    [Fact]
    public void Blake2f_rejects_inputs_that_are_not_213_bytes()
    {
        Assert.False(At(9).TryRun(new byte[212], out _));
        Assert.Equal(0, At(9).GasCost(new byte[212], ForkSpec.For(Fork.Cancun)));
    }

    [Fact]
    public void Bls_msm_price_applies_the_discount_table()
    {
        var prague = new PrecompileSet(ForkSpec.For(Fork.Prague), EvmHarness.Secp256k1);
        Assert.True(prague.TryGet(PrecompileSet.AddressOf(0x0c), out var g1Msm));
        Assert.True(prague.TryGet(PrecompileSet.AddressOf(0x0e), out var g2Msm));
        var spec = ForkSpec.For(Fork.Prague);

        Assert.Equal(12_000, g1Msm.GasCost(new byte[160], spec));
        Assert.Equal(2 * 12_000 * 949 / 1_000, g1Msm.GasCost(new byte[320], spec));
        Assert.Equal(200L * 12_000 * 519 / 1_000, g1Msm.GasCost(new byte[200 * 160], spec));
        Assert.Equal(22_500, g2Msm.GasCost(new byte[288], spec));
        Assert.Equal(2 * 22_500, g2Msm.GasCost(new byte[576], spec));
    }

    [Fact]
    public void Precompile_addresses_grow_with_the_forks()
    {
        Assert.Equal(4, new PrecompileSet(ForkSpec.For(Fork.Homestead), EvmHarness.Secp256k1).Addresses.Count);
        Assert.Equal(8, new PrecompileSet(ForkSpec.For(Fork.Byzantium), EvmHarness.Secp256k1).Addresses.Count);
        Assert.Equal(9, new PrecompileSet(ForkSpec.For(Fork.Istanbul), EvmHarness.Secp256k1).Addresses.Count);
        Assert.Equal(10, Cancun.Addresses.Count);
        Assert.Equal(17, new PrecompileSet(ForkSpec.For(Fork.Prague), EvmHarness.Secp256k1).Addresses.Count);
    }
}
