using Nectar.Core.Numerics;
using static Nectar.Core.Tests.Numerics.UInt256Samples;

namespace Nectar.Core.Tests.Numerics;

/// <summary>
/// The interpreter writes results over its operands (<c>Add(in a, in b, out a)</c>), so every operation
/// must give the same answer when its output shares storage with an input.
/// </summary>
public class UInt256AliasingTests
{
    private delegate void Binary(in UInt256 a, in UInt256 b, out UInt256 result);

    private delegate void Ternary(in UInt256 a, in UInt256 b, in UInt256 c, out UInt256 result);

    public static TheoryData<string> BinaryOperations => [.. BinaryTable.Keys];

    public static TheoryData<string> TernaryOperations => [.. TernaryTable.Keys];

    private static readonly Dictionary<string, Binary> BinaryTable = new()
    {
        ["Add"] = UInt256.Add,
        ["Subtract"] = UInt256.Subtract,
        ["Multiply"] = UInt256.Multiply,
        ["Divide"] = UInt256.Divide,
        ["Mod"] = UInt256.Mod,
        ["Exp"] = UInt256.Exp,
        ["SignedDivide"] = UInt256.SignedDivide,
        ["SignedMod"] = UInt256.SignedMod,
        ["And"] = UInt256.And,
        ["Or"] = UInt256.Or,
        ["Xor"] = UInt256.Xor,
        ["LeftShift"] = UInt256.LeftShift,
        ["RightShift"] = UInt256.RightShift,
        ["ArithmeticRightShift"] = UInt256.ArithmeticRightShift,
        ["SignExtend"] = UInt256.SignExtend,
        ["AddOverflow"] = (in UInt256 a, in UInt256 b, out UInt256 r) => UInt256.AddOverflow(in a, in b, out r),
        ["SubtractUnderflow"] = (in UInt256 a, in UInt256 b, out UInt256 r) => UInt256.SubtractUnderflow(in a, in b, out r),
        ["MultiplyOverflow"] = (in UInt256 a, in UInt256 b, out UInt256 r) => UInt256.MultiplyOverflow(in a, in b, out r),
        ["DivRem quotient"] = (in UInt256 a, in UInt256 b, out UInt256 r) => UInt256.DivRem(in a, in b, out r, out _),
        ["DivRem remainder"] = (in UInt256 a, in UInt256 b, out UInt256 r) => UInt256.DivRem(in a, in b, out _, out r),
    };

    private static readonly Dictionary<string, Ternary> TernaryTable = new()
    {
        ["AddMod"] = UInt256.AddMod,
        ["MulMod"] = UInt256.MulMod,
    };

    [Theory]
    [MemberData(nameof(BinaryOperations))]
    public void Binary_operation_gives_the_same_result_into_either_operand(string name)
    {
        var operation = BinaryTable[name];
        var operands = Edges.Concat(Enumerable.Range(0, 40).Select(i => Pow2(i * 6) + new UInt256((ulong)i))).ToArray();
        foreach (var a in operands)
        {
            foreach (var b in operands)
            {
                operation(in a, in b, out var expected);

                var first = a;
                operation(in first, in b, out first);
                Assert.Equal(expected, first);

                var second = b;
                operation(in a, in second, out second);
                Assert.Equal(expected, second);

                var both = a;
                operation(in both, in both, out both);
                operation(in a, in a, out var sameExpected);
                Assert.Equal(sameExpected, both);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TernaryOperations))]
    public void Modular_operation_gives_the_same_result_into_any_operand(string name)
    {
        var operation = TernaryTable[name];
        foreach (var a in Edges)
        {
            foreach (var b in Edges)
            {
                foreach (var m in Edges.Where((_, i) => i % 3 == 0))
                {
                    operation(in a, in b, in m, out var expected);
                    var x = a;
                    operation(in x, in b, in m, out x);
                    var y = b;
                    operation(in a, in y, in m, out y);
                    var z = m;
                    operation(in a, in b, in z, out z);
                    Assert.Equal(expected, x);
                    Assert.Equal(expected, y);
                    Assert.Equal(expected, z);
                }
            }
        }
    }

    [Fact]
    public void Quotient_and_remainder_may_overwrite_both_operands()
    {
        foreach (var a in Edges)
        {
            foreach (var b in Edges)
            {
                UInt256.DivRem(in a, in b, out var quotient, out var remainder);
                var x = a;
                var y = b;
                UInt256.DivRem(in x, in y, out x, out y);
                Assert.Equal(quotient, x);
                Assert.Equal(remainder, y);

                x = a;
                y = b;
                UInt256.DivRem(in x, in y, out y, out x);
                Assert.Equal(quotient, y);
                Assert.Equal(remainder, x);
            }
        }
    }

    [Fact]
    public void Unary_operations_may_overwrite_their_operand()
    {
        foreach (var a in Edges)
        {
            UInt256.Not(in a, out var not);
            UInt256.Negate(in a, out var negated);
            var x = a;
            UInt256.Not(in x, out x);
            Assert.Equal(not, x);
            x = a;
            UInt256.Negate(in x, out x);
            Assert.Equal(negated, x);
        }
    }
}
