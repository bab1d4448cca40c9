using System.Numerics;
using Nectar.Core.Numerics;
using static Nectar.Core.Tests.Numerics.UInt256Samples;

namespace Nectar.Core.Tests.Numerics;

/// <summary>Every pair (and, for the modular operations, every triple) of edge values against BigInteger.</summary>
public class UInt256EdgeValueTests
{
    // Every other edge value as a modulus keeps the triple test quick; the pairs still cover all values.
    private static readonly UInt256[] Moduli = [.. Edges.Where((_, i) => i % 2 == 0), UInt256.Zero, UInt256.One, UInt256.MaxValue];

    [Fact]
    public void Arithmetic_on_every_pair_of_edge_values_matches_BigInteger()
    {
        var failures = new List<string>();
        foreach (var a in Edges)
        {
            foreach (var b in Edges)
            {
                var x = Big(a);
                var y = Big(b);
                UInt256.Add(a, b, out var sum);
                UInt256.Subtract(a, b, out var difference);
                UInt256.Multiply(a, b, out var product);
                UInt256.DivRem(a, b, out var quotient, out var remainder);
                UInt256.SignedDivide(a, b, out var signedQuotient);
                UInt256.SignedMod(a, b, out var signedRemainder);
                Expect(failures, "add", a, b, sum, Wrap(x + y));
                Expect(failures, "sub", a, b, difference, Wrap(x - y));
                Expect(failures, "mul", a, b, product, Wrap(x * y));
                Expect(failures, "div", a, b, quotient, b.IsZero ? UInt256.Zero : Wrap(x / y));
                Expect(failures, "mod", a, b, remainder, b.IsZero ? UInt256.Zero : Wrap(x % y));
                Expect(failures, "sdiv", a, b, signedQuotient, b.IsZero ? UInt256.Zero : Wrap(Signed(a) / Signed(b)));
                Expect(failures, "smod", a, b, signedRemainder, b.IsZero ? UInt256.Zero : Wrap(Signed(a) % Signed(b)));
                if (UInt256.MultiplyOverflow(a, b, out _) != (x * y >= TwoTo256))
                {
                    failures.Add($"mul overflow flag {a} {b}");
                }

                if (Math.Sign(UInt256.Compare(a, b)) != x.CompareTo(y) || Math.Sign(UInt256.SignedCompare(a, b)) != Signed(a).CompareTo(Signed(b)))
                {
                    failures.Add($"compare {a} {b}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Exponentiation_of_every_pair_of_edge_values_matches_modular_power()
    {
        var failures = new List<string>();
        foreach (var a in Edges)
        {
            foreach (var e in Edges)
            {
                UInt256.Exp(a, e, out var result);
                Expect(failures, "exp", a, e, result, Wrap(BigInteger.ModPow(Big(a), Big(e), TwoTo256)));
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Modular_arithmetic_on_every_triple_of_edge_values_matches_BigInteger()
    {
        var failures = new List<string>();
        foreach (var a in Edges)
        {
            foreach (var b in Edges)
            {
                var sum = Big(a) + Big(b);
                var product = Big(a) * Big(b);
                foreach (var m in Moduli)
                {
                    UInt256.AddMod(a, b, m, out var addMod);
                    UInt256.MulMod(a, b, m, out var mulMod);
                    var modulus = Big(m);
                    Expect(failures, $"addmod {m}", a, b, addMod, m.IsZero ? UInt256.Zero : Wrap(sum % modulus));
                    Expect(failures, $"mulmod {m}", a, b, mulMod, m.IsZero ? UInt256.Zero : Wrap(product % modulus));
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Shifts_of_every_edge_value_by_every_amount_match_BigInteger()
    {
        var failures = new List<string>();
        foreach (var a in Edges)
        {
            for (var shift = 0; shift <= 260; shift++)
            {
                var amount = new UInt256((ulong)shift);
                UInt256.LeftShift(a, shift, out var left);
                UInt256.RightShift(a, amount, out var right);
                UInt256.ArithmeticRightShift(a, amount, out var arithmetic);
                Expect(failures, "shl", a, amount, left, shift >= 256 ? UInt256.Zero : Wrap(Big(a) << shift));
                Expect(failures, "shr", a, amount, right, shift >= 256 ? UInt256.Zero : Wrap(Big(a) >> shift));
                var sar = shift >= 256 ? (a.IsNegative ? BigInteger.MinusOne : BigInteger.Zero) : Signed(a) >> shift;
                Expect(failures, "sar", a, amount, arithmetic, Wrap(sar));
            }
        }

        Assert.Empty(failures);
    }

    private static void Expect(List<string> failures, string operation, UInt256 a, UInt256 b, UInt256 actual, UInt256 expected)
    {
        if (actual != expected)
        {
            failures.Add($"{operation}(0x{a:x}, 0x{b:x}) = 0x{actual:x}, expected 0x{expected:x}");
        }
    }
}
