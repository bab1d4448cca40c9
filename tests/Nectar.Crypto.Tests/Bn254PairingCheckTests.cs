using System.Numerics;
using Nectar.Crypto.AltBn128;
using Nectar.Crypto.Tests.AltBn128;

namespace Nectar.Crypto.Tests;

public sealed class Bn254PairingCheckTests
{
    private static readonly byte[] G1 = EncodeG1(Samples.G1);
    private static readonly byte[] MinusG1 = EncodeG1(JacobianPoint<Fp>.Negate(Samples.G1));
    private static readonly byte[] G2 = EncodeG2(Samples.G2);
    private static readonly byte[] G1Infinity = new byte[64];
    private static readonly byte[] G2Infinity = new byte[128];

    [Fact]
    public void Empty_input_is_true()
    {
        Assert.True(Check([]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(191)]
    [InlineData(193)]
    [InlineData(383)]
    public void Rejects_a_length_that_is_not_a_multiple_of_192(int length)
    {
        Assert.False(Bn254.TryPairingCheck(new byte[length], out _));
    }

    [Fact]
    public void Pairing_of_the_generators_alone_is_false()
    {
        Assert.False(Check([.. G1, .. G2]));
    }

    [Fact]
    public void Pairing_with_the_negated_point_cancels()
    {
        Assert.True(Check([.. G1, .. G2, .. MinusG1, .. G2]));
        Assert.False(Check([.. G1, .. G2, .. G1, .. G2]));
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(1234567, 7654321)]
    public void Bilinearity_e_aP_bQ_times_e_minus_abP_Q_is_one(long a, long b)
    {
        var ap = EncodeG1(JacobianPoint<Fp>.Multiply(Samples.G1, Samples.Scalar(a)));
        var bq = EncodeG2(JacobianPoint<Fp2>.Multiply(Samples.G2, Samples.Scalar(b)));
        var minusAbP = EncodeG1(JacobianPoint<Fp>.Multiply(Samples.G1, Samples.Scalar(Reference.R - (new BigInteger(a) * b))));
        var minusAbPlusOneP = EncodeG1(JacobianPoint<Fp>.Multiply(Samples.G1, Samples.Scalar(Reference.R - (new BigInteger(a) * b) - 1)));

        Assert.True(Check([.. ap, .. bq, .. minusAbP, .. G2]));
        Assert.False(Check([.. ap, .. bq, .. minusAbPlusOneP, .. G2]));
    }

    [Fact]
    public void Pairs_with_a_point_at_infinity_contribute_one()
    {
        Assert.True(Check([.. G1Infinity, .. G2]));
        Assert.True(Check([.. G1, .. G2Infinity]));
        Assert.True(Check([.. G1Infinity, .. G2Infinity]));
        Assert.True(Check([.. G1, .. G2, .. G1Infinity, .. G2, .. MinusG1, .. G2]));
        Assert.False(Check([.. G1Infinity, .. G2, .. G1, .. G2]));
    }

    [Fact]
    public void Many_pairs_whose_discrete_logs_sum_to_zero_check_true()
    {
        var random = new Random(51);
        var input = new List<byte>();
        var sum = BigInteger.Zero;
        for (var i = 0; i < 11; i++)
        {
            var a = Reference.RandomBelow(random, Reference.R);
            var b = Reference.RandomBelow(random, Reference.R);
            sum = (sum + (a * b)) % Reference.R;
            input.AddRange(EncodeG1(JacobianPoint<Fp>.Multiply(Samples.G1, Samples.Scalar(a))));
            input.AddRange(EncodeG2(JacobianPoint<Fp2>.Multiply(Samples.G2, Samples.Scalar(b))));
        }

        var closing = (byte[])[.. EncodeG1(JacobianPoint<Fp>.Multiply(Samples.G1, Samples.Scalar((Reference.R - sum) % Reference.R))), .. G2];
        Assert.True(Check([.. input, .. closing]));
        Assert.False(Check([.. input, .. G1, .. G2]));
    }

    [Fact]
    public void Accepts_a_cofactor_cleared_twist_point()
    {
        var q = TwistPointOutsideG2();
        var cofactor = (2 * Reference.P) - Reference.R;
        var inG2 = JacobianPoint<Fp2>.Multiply(q, Samples.Scalar(cofactor));
        Assert.True(Check([.. G1, .. EncodeG2(inG2), .. MinusG1, .. EncodeG2(inG2)]));
    }

    [Fact]
    public void Rejects_a_twist_point_outside_the_order_r_subgroup()
    {
        var outside = EncodeG2(TwistPointOutsideG2());
        Assert.False(Bn254.TryPairingCheck([.. G1, .. outside], out _));
        Assert.False(Bn254.TryPairingCheck([.. G1Infinity, .. outside], out _));
        Assert.False(Bn254.TryPairingCheck([.. G1, .. G2, .. MinusG1, .. G2, .. G1, .. outside], out _));
    }

    [Fact]
    public void Rejects_a_G2_point_not_on_the_twist()
    {
        var input = (byte[])[.. G1, .. G2];
        input[^1] ^= 1;
        Assert.False(Bn254.TryPairingCheck(input, out _));
        input = [.. G1Infinity, .. G2];
        input[^1] ^= 1;
        Assert.False(Bn254.TryPairingCheck(input, out _));
    }

    [Fact]
    public void Rejects_G2_with_real_and_imaginary_parts_swapped()
    {
        var swapped = (byte[])[.. G2[32..64], .. G2[..32], .. G2[96..128], .. G2[64..96]];
        Assert.False(Bn254.TryPairingCheck([.. G1, .. swapped], out _));
    }

    [Fact]
    public void Rejects_a_G1_point_not_on_the_curve()
    {
        Assert.False(Bn254.TryPairingCheck([.. Bn254AddTests.Encode((1, 3)), .. G2], out _));
        Assert.False(Bn254.TryPairingCheck([.. Bn254AddTests.Encode((1, 3)), .. G2Infinity], out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(96)]
    [InlineData(128)]
    [InlineData(160)]
    public void Rejects_any_coordinate_equal_to_p(int offset)
    {
        var input = (byte[])[.. G1, .. G2];
        var coordinate = new BigInteger(input.AsSpan(offset, 32), isUnsigned: true, isBigEndian: true);
        Reference.ToBytes32(coordinate + Reference.P < BigInteger.Pow(2, 256) ? coordinate + Reference.P : Reference.P).CopyTo(input, offset);
        Assert.False(Bn254.TryPairingCheck(input, out _));

        var atInfinity = new byte[192];
        Reference.ToBytes32(Reference.P).CopyTo(atInfinity, offset);
        Assert.False(Bn254.TryPairingCheck(atInfinity, out _));
    }

    internal static byte[] EncodeG1(in JacobianPoint<Fp> point)
    {
        var output = new byte[64];
        Bn254.WriteG1(point, output);
        return output;
    }

    /// <summary>EIP-197 order: x imaginary, x real, y imaginary, y real.</summary>
    internal static byte[] EncodeG2(in JacobianPoint<Fp2> point)
    {
        point.ToAffine(out var x, out var y);
        var output = new byte[128];
        x.B.Write(output.AsSpan(0, 32));
        x.A.Write(output.AsSpan(32, 32));
        y.B.Write(output.AsSpan(64, 32));
        y.A.Write(output.AsSpan(96, 32));
        return output;
    }

    /// <summary>The first point of the twist with x = k + u (k = 1, 2, ...); the twist's cofactor makes it lie outside G2.</summary>
    internal static JacobianPoint<Fp2> TwistPointOutsideG2()
    {
        for (var k = 1UL; ; k++)
        {
            var x = new Fp2(Fp.FromUInt64(k), Fp.One);
            var rhs = (x * x * x) + Bn254Parameters.TwistB;
            var root = Reference.SqrtFp2(Reference.ToBig(rhs.A), Reference.ToBig(rhs.B));
            if (root is null)
            {
                continue;
            }

            var y = Reference.ToFp2(root.Value.A, root.Value.B);
            Assert.True(JacobianPoint<Fp2>.IsOnCurve(x, y, Bn254Parameters.TwistB));
            var point = JacobianPoint<Fp2>.FromAffine(x, y);
            Assert.False(JacobianPoint<Fp2>.Multiply(point, Samples.Scalar(Reference.R)).IsInfinity);
            return point;
        }
    }

    private static bool Check(byte[] input)
    {
        Assert.True(Bn254.TryPairingCheck(input, out var result));
        return result;
    }
}
