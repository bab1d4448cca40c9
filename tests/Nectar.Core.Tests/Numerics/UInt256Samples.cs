using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Nectar.Core.Numerics;

namespace Nectar.Core.Tests.Numerics;

/// <summary>
/// Values for the UInt256 tests: a list of edge values, a replayable generator biased towards them, and
/// the BigInteger reference arithmetic everything is checked against.
/// </summary>
internal static class UInt256Samples
{
    public static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    public static readonly BigInteger TwoTo255 = BigInteger.One << 255;

    /// <summary>Values where carries, borrows, limb boundaries and signs change behaviour.</summary>
    public static readonly UInt256[] Edges = BuildEdges();

    /// <summary>Random values biased to edges: FsCheck chooses the kind and a seed, the rest is derived.</summary>
    public static readonly Gen<UInt256> Generator =
        from kind in Gen.Choose(0, 99)
        from high in FsCheck.FSharp.Gen.Choose64(0, uint.MaxValue)
        from low in FsCheck.FSharp.Gen.Choose64(0, uint.MaxValue)
        select Build(kind, ((ulong)high << 32) | (ulong)low);

    public static readonly Arbitrary<UInt256> Arbitrary = Arb.From(Generator);

    /// <summary>Small values (mostly 0 to 300), for exponents, shift amounts and byte indexes.</summary>
    public static readonly Arbitrary<UInt256> SmallOrAny = Arb.From(Gen.Frequency(
        (3, Gen.Choose(0, 300).Select(i => new UInt256((ulong)i))),
        (1, Generator)));

    /// <summary>A fixed seed so every run checks the same cases and a failure replays exactly.</summary>
    public static Config Config(int cases) =>
        FsCheck.Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithQuietOnSuccess(true)
            .WithReplay(0x5EED_2025_0C0F_FEE1UL, 0x9E37_79B9_7F4A_7C15UL);

    public static void Check(int cases, Func<UInt256, bool> property) =>
        Prop.ForAll(Arbitrary, property).Check(Config(cases));

    public static void Check(int cases, Func<UInt256, UInt256, bool> property) =>
        Prop.ForAll(Arbitrary, Arbitrary, property).Check(Config(cases));

    public static void Check(int cases, Func<UInt256, UInt256, UInt256, bool> property) =>
        Prop.ForAll(Arbitrary, Arbitrary, Arbitrary, property).Check(Config(cases));

    public static BigInteger Big(in UInt256 value) => (BigInteger)value;

    /// <summary>The two's complement reading of a value.</summary>
    public static BigInteger Signed(in UInt256 value) => value.IsNegative ? Big(value) - TwoTo256 : Big(value);

    /// <summary>Any integer reduced modulo 2^256 (negative ones wrap to two's complement).</summary>
    public static UInt256 Wrap(BigInteger value)
    {
        var reduced = value % TwoTo256;
        if (reduced.Sign < 0)
        {
            reduced += TwoTo256;
        }

        return (UInt256)reduced;
    }

    public static UInt256 Pow2(int exponent) => (UInt256)(BigInteger.One << exponent);

    /// <summary>A SplitMix64 step: a good spread of bits from any seed.</summary>
    public static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static UInt256 Build(int kind, ulong seed)
    {
        var state = seed;
        var r = Next(ref state);
        switch (kind)
        {
            case < 15:
                return Edges[(int)(r % (ulong)Edges.Length)];
            case < 30:
                {
                    // 2^k - 1, 2^k or 2^k + 1.
                    var power = Pow2((int)(r % 256));
                    return ((r >> 8) % 3) switch
                    {
                        0 => power - UInt256.One,
                        1 => power,
                        _ => power + UInt256.One,
                    };
                }

            case < 40:
                return new UInt256(Next(ref state));
            case < 50:
                return new UInt256(Next(ref state), Next(ref state), 0, 0);
            case < 58:
                return new UInt256(Next(ref state), Next(ref state), Next(ref state), 0);
            case < 70:
                return new UInt256(Next(ref state), Next(ref state), Next(ref state), Next(ref state));
            case < 85:
                // Limbs drawn from values that stress carries and the division's estimate steps.
                return new UInt256(StructuredLimb(ref state), StructuredLimb(ref state), StructuredLimb(ref state), StructuredLimb(ref state));
            case < 93:
                {
                    // A random bit length.
                    var full = new UInt256(Next(ref state), Next(ref state), Next(ref state), Next(ref state));
                    return full >> (int)(r % 256);
                }

            default:
                // Small negative numbers in two's complement.
                return UInt256.Zero - new UInt256(r % 1000);
        }
    }

    private static ulong StructuredLimb(ref ulong state)
    {
        var r = Next(ref state);
        return (r % 9) switch
        {
            0 => 0,
            1 => 1,
            2 => ulong.MaxValue,
            3 => ulong.MaxValue - 1,
            4 => 1UL << 63,
            5 => (1UL << 63) - 1,
            6 => 1UL << 32,
            7 => Next(ref state) >> (int)(r % 64),
            _ => Next(ref state),
        };
    }

    private static UInt256[] BuildEdges()
    {
        var values = new List<UInt256>
        {
            UInt256.Zero, UInt256.One, new(2), new(3), new(7), new(10), new(31), new(32), new(255), new(256),
            new(10_000_000_000_000_000_000UL), (UInt256)BigInteger.Pow(10, 38), (UInt256)BigInteger.Pow(10, 77),
            UInt256.MaxValue, UInt256.MaxValue - UInt256.One, UInt256.Zero - new UInt256(2),
            new(0x0123456789ABCDEFUL, 0xFEDCBA9876543210UL, 0x0F1E2D3C4B5A6978UL, 0x8796A5B4C3D2E1F0UL),
        };
        foreach (var k in new[] { 32, 63, 64, 65, 127, 128, 129, 191, 192, 193, 255 })
        {
            var power = Pow2(k);
            values.Add(power - UInt256.One);
            values.Add(power);
            values.Add(power + UInt256.One);
        }

        return [.. values.Distinct()];
    }
}
