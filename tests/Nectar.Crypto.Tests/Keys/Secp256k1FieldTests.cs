using Nectar.Core.Numerics;
using Nectar.Crypto.Keys;

namespace Nectar.Crypto.Tests.Keys;

/// <summary>The specialised field multiplication against the general modular multiplication of <see cref="UInt256"/>.</summary>
public sealed class Secp256k1FieldTests
{
    private static readonly UInt256 P = Secp256k1Field.Modulus;

    [Fact]
    public void Multiplication_agrees_with_general_modular_multiplication()
    {
        var random = new Random(7_2024);
        var bytes = new byte[32];
        var edges = new[] { UInt256.Zero, UInt256.One, P - UInt256.One, P - new UInt256(2), new UInt256(0x1_0000_03D1), (P - UInt256.One) / new UInt256(2) };
        var values = new List<UInt256>(edges);
        for (var i = 0; i < 300; i++)
        {
            random.NextBytes(bytes);
            var value = new UInt256(bytes);
            values.Add(value >= P ? value - P : value);
        }

        for (var i = 0; i < values.Count; i++)
        {
            var a = values[i];
            var b = values[(i * 7 + 3) % values.Count];
            Assert.True(Secp256k1Field.TryCreate(a, out var fa));
            Assert.True(Secp256k1Field.TryCreate(b, out var fb));
            UInt256.MulMod(a, b, P, out var expected);

            Assert.Equal(expected, Secp256k1Field.Multiply(fa, fb).Value);
        }

        foreach (var a in edges)
        {
            foreach (var b in edges)
            {
                Secp256k1Field.TryCreate(a, out var fa);
                Secp256k1Field.TryCreate(b, out var fb);
                UInt256.MulMod(a, b, P, out var expected);
                Assert.Equal(expected, Secp256k1Field.Multiply(fa, fb).Value);
            }
        }
    }

    [Fact]
    public void Inverse_times_the_value_is_one()
    {
        Secp256k1Field.TryCreate(UInt256.Parse("0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"), out var x);

        Assert.Equal(Secp256k1Field.One, Secp256k1Field.Multiply(x, Secp256k1Field.Inverse(x)));
    }

    [Fact]
    public void Subtraction_and_negation_wrap_modulo_p()
    {
        Secp256k1Field.TryCreate(new UInt256(5), out var five);
        Secp256k1Field.TryCreate(new UInt256(7), out var seven);

        Assert.Equal(P - new UInt256(2), Secp256k1Field.Subtract(five, seven).Value);
        Assert.Equal(Secp256k1Field.Zero, Secp256k1Field.Add(seven, Secp256k1Field.Negate(seven)));
        Assert.False(Secp256k1Field.TryCreate(P, out _));
    }
}
