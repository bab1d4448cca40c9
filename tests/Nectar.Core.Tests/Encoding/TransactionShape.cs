using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Core.Tests.Encoding;

/// <summary>An EIP-1559-shaped list written with the span writer, as transaction codecs will write it.</summary>
internal static class TransactionShape
{
    private static readonly byte[] Value = [0x0d, 0xe0, 0xb6, 0xb3, 0xa7, 0x64, 0x00, 0x00];

    public static byte[] Encode(Address to, byte[] data)
    {
        var contentLength =
            Rlp.LengthOfUInt64(1) + Rlp.LengthOfUInt64(42) + Rlp.LengthOfUInt64(1_000_000_000) +
            Rlp.LengthOfUInt64(30_000_000_000) + Rlp.LengthOfUInt64(21_000) + Rlp.LengthOfOptionalAddress(to) +
            Rlp.LengthOfInteger(Value) + Rlp.LengthOfBytes(data) + Rlp.LengthOfList(0) + Rlp.LengthOfUInt64(1) +
            Rlp.LengthOfHash256 + Rlp.LengthOfHash256;
        var encoded = new byte[Rlp.LengthOfList(contentLength)];
        var writer = new RlpWriter(encoded);
        writer.WriteListHeader(contentLength);
        writer.WriteUInt64(1);
        writer.WriteUInt64(42);
        writer.WriteUInt64(1_000_000_000);
        writer.WriteUInt64(30_000_000_000);
        writer.WriteUInt64(21_000);
        writer.WriteOptionalAddress(to);
        writer.WriteInteger(Value);
        writer.WriteBytes(data);
        writer.WriteListHeader(0);
        writer.WriteUInt64(1);
        writer.WriteHash256(Hash256.EmptyTrieRoot);
        writer.WriteHash256(Hash256.EmptyListHash);
        Assert.Equal(encoded.Length, writer.Position);
        return encoded;
    }
}
