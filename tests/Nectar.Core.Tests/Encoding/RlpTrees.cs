using FsCheck;
using FsCheck.Fluent;
using Nectar.Core.Encoding;

namespace Nectar.Core.Tests.Encoding;

/// <summary>Random RLP trees for property tests: short and long strings, single bytes, nested and long lists.</summary>
internal static class RlpTrees
{
    public static Arbitrary<RlpItem> Arbitrary { get; } = Arb.From(Gen.Sized(size => Item(Math.Min(size, 40))));

    private static Gen<byte[]> Bytes(int minLength, int maxLength) =>
        Gen.Choose(minLength, maxLength).SelectMany(length => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length));

    private static Gen<RlpItem> String() => Gen.Frequency(
        (2, Gen.Choose(0, 255).Select(b => RlpItem.FromBytes([(byte)b]))),
        (4, Bytes(0, 60).Select(b => RlpItem.FromBytes(b))),
        (1, Bytes(250, 300).Select(b => RlpItem.FromBytes(b))),
        (1, Gen.Choose(0, int.MaxValue).Select(v => RlpItem.FromUInt64((ulong)v * (ulong)v))));

    private static Gen<RlpItem> Item(int size) => size <= 1
        ? String()
        : Gen.Frequency(
            (3, String()),
            (2, Gen.Choose(0, 8).SelectMany(count => Gen.ArrayOf(Item(size / 2), count)).Select(items => RlpItem.FromList(items))));

    public static void Write(RlpBuilder builder, RlpItem item)
    {
        if (!item.IsList)
        {
            builder.WriteBytes(item.Bytes);
            return;
        }

        builder.StartList();
        foreach (var child in item.Items)
        {
            Write(builder, child);
        }

        builder.EndList();
    }
}
