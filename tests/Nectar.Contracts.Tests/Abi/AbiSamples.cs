using FsCheck;
using FsCheck.Fluent;
using Nectar.Contracts.Abi;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Tests.Abi;

/// <summary>Random ABI types (nested up to three levels) and random values of those types.</summary>
internal static class AbiSamples
{
    // Pieces of strings: ASCII, two- and three-byte UTF-8, a surrogate pair (four bytes), and long runs.
    private static readonly string[] StringPieces = ["a", "Z", " ", "é", "✓", "\U0001D11E", "中文", "", new string('x', 40)];

    private static readonly Gen<AbiType> Scalar = Gen.OneOf(
        Gen.Choose(1, 32).Select(n => AbiType.UInt(n * 8)),
        Gen.Choose(1, 32).Select(n => AbiType.Int(n * 8)),
        Gen.Constant(AbiType.Address),
        Gen.Constant(AbiType.Bool),
        Gen.Choose(1, 32).Select(AbiType.FixedBytes),
        Gen.Constant(AbiType.Function));

    private static readonly Gen<AbiType> Leaf = Gen.Frequency(
        (6, Scalar),
        (1, Gen.Constant(AbiType.Bytes)),
        (1, Gen.Constant(AbiType.String)));

    /// <summary>A parameter list of 0 to 5 parameters with its values.</summary>
    public static Arbitrary<Sample> Parameters { get; } = Arb.From(
        from count in Gen.Choose(0, 5)
        from types in Gen.ArrayOf(Type(3), count)
        let tuple = AbiType.TupleOf(types)
        from values in Values(tuple)
        select new Sample(tuple, values));

    public static Gen<AbiType> Type(int depth) => depth <= 0
        ? Leaf
        : Gen.Frequency(
            (4, Leaf),
            (1, Type(depth - 1).Select(AbiType.ArrayOf)),
            (1, from element in Type(depth - 1) from length in Gen.Choose(1, 3) select AbiType.FixedArrayOf(element, length)),
            (1, from count in Gen.Choose(1, 4) from components in Gen.ArrayOf(Type(depth - 1), count) select AbiType.TupleOf(components)));

    public static Gen<AbiValue> Value(AbiType type) => type.Kind switch
    {
        AbiTypeKind.UInt => Integer(type.Size).Select(w => AbiValue.FromUInt(w)),
        AbiTypeKind.Int => Integer(type.Size).Select(w => AbiValue.FromTwosComplement(SignExtend(w, type.Size))),
        AbiTypeKind.Address => Bytes(20).Select(b => AbiValue.FromAddress(new Address(b))),
        AbiTypeKind.Bool => Gen.Elements(true, false).Select(AbiValue.FromBool),
        AbiTypeKind.FixedBytes or AbiTypeKind.Function => Bytes(type.Size).Select(b => AbiValue.FromFixedBytes(b)),
        AbiTypeKind.Bytes => Gen.Choose(0, 70).SelectMany(Bytes).Select(b => AbiValue.FromBytes(b)),
        AbiTypeKind.String => Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Gen.Elements(StringPieces), n)).Select(p => AbiValue.FromString(string.Concat(p))),
        AbiTypeKind.Array => Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Value(type.Element!), n)).Select(AbiValue.ArrayOf),
        AbiTypeKind.FixedArray => Gen.ArrayOf(Value(type.Element!), type.Length).Select(AbiValue.ArrayOf),
        _ => Values(type).Select(AbiValue.TupleOf),
    };

    /// <summary>One value per component of a tuple type.</summary>
    public static Gen<AbiValue[]> Values(AbiType tuple)
    {
        var result = Gen.Constant(Array.Empty<AbiValue>());
        foreach (var component in tuple.Components)
        {
            var next = Value(component.Type);
            result = from values in result from value in next select (AbiValue[])[.. values, value];
        }

        return result;
    }

    public static Gen<byte[]> Bytes(int length) => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length);

    /// <summary>An unsigned value of at most <paramref name="bits"/> bits, biased towards short values and the extremes.</summary>
    private static Gen<UInt256> Integer(int bits) => Gen.Frequency(
        (1, Gen.Constant(UInt256.Zero)),
        (1, Gen.Constant(bits == 256 ? UInt256.MaxValue : (UInt256.One << bits) - UInt256.One)),
        (1, Gen.Constant(UInt256.One << (bits - 1))),
        (6, from bytes in Bytes(32) from shift in Gen.Choose(0, bits) select (new UInt256(bytes) >> (256 - bits)) >> shift));

    private static UInt256 SignExtend(UInt256 value, int bits)
    {
        if (bits == 256 || (value >> (bits - 1)).IsZero)
        {
            return value;
        }

        return value | ~((UInt256.One << bits) - UInt256.One);
    }

    /// <summary>A parameter list and one value per parameter.</summary>
    public sealed record Sample(AbiType Parameters, AbiValue[] Values)
    {
        public override string ToString() => $"{Parameters} = {AbiValue.TupleOf(Values)}";
    }
}
