using Nectar.Core.Encoding;
using Nectar.Core.Numerics;

namespace Nectar.Core.Tests.Encoding;

public sealed class RlpUInt256Tests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "0", "80" },
        { "1", "01" },
        { "127", "7f" },
        { "128", "8180" },
        { "0xffffffffffffffff", "88ffffffffffffffff" },
        { "0x10000000000000000", "89010000000000000000" },
        { "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "a0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encodes_and_decodes_UInt256_canonically(string value, string encodedHex)
    {
        var number = UInt256.Parse(value);
        var length = Rlp.LengthOfUInt256(number);
        Assert.Equal(encodedHex.Length / 2, length);

        var buffer = new byte[length];
        var writer = new RlpWriter(buffer);
        writer.WriteUInt256(number);
        Assert.Equal(encodedHex, Convert.ToHexStringLower(buffer));

        var builder = new RlpBuilder();
        builder.WriteUInt256(number);
        Assert.Equal(encodedHex, Convert.ToHexStringLower(builder.ToArray()));

        var reader = new RlpReader(buffer);
        Assert.Equal(number, reader.ReadUInt256());
    }

    [Fact]
    public void Rejects_UInt256_with_leading_zero_byte()
    {
        var encoded = Convert.FromHexString("820001");
        Assert.Throws<RlpException>(() => new RlpReader(encoded).ReadUInt256());
    }

    [Fact]
    public void Rejects_UInt256_longer_than_32_bytes()
    {
        var encoded = new byte[34];
        encoded[0] = 0xa1;
        encoded[1] = 0x01;
        Assert.Throws<RlpException>(() => new RlpReader(encoded).ReadUInt256());
    }
}
