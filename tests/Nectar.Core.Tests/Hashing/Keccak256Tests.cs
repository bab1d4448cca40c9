using System.Security.Cryptography;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;

namespace Nectar.Core.Tests.Hashing;

public sealed class Keccak256Tests
{
    [Fact]
    public void Hashes_the_empty_input_to_the_well_known_constant()
    {
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Keccak256.Compute([]).ToString());
        Assert.Equal(Keccak256.Compute([]), Keccak256.OfEmpty);
    }

    [Fact]
    public void Hashes_abc()
    {
        Assert.Equal("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", Keccak256.Compute("abc"u8).ToString());
    }

    [Fact]
    public void Hashes_200_bytes_of_a3()
    {
        var input = Enumerable.Repeat((byte)0xA3, 200).ToArray();
        Assert.Equal("0x3a57666b048777f2c953dc4456f45a2588e1cb6f2da760122d530ac2ce607d4a", Keccak256.Compute(input).ToString());
    }

    [Fact]
    public void Uses_keccak_padding_not_sha3_padding()
    {
        // SHA3-256("") = a7ffc6f8…; the same input under Keccak's 0x01 padding is c5d24601….
        Assert.NotEqual("0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Keccak256.OfEmpty.ToString());
        if (SHA3_256.IsSupported)
        {
            Assert.NotEqual(SHA3_256.HashData("abc"u8), Keccak256.Compute("abc"u8).ToArray());
        }
    }

    public static TheoryData<int> LengthsAroundTheRate()
    {
        var data = new TheoryData<int>();
        int[] lengths = [0, 1, 7, 8, 9, 31, 32, 33, 63, 64, 65, 127, 128, 129, 134, 135, 136, 137, 143, 144, 200, 271, 272, 273, 407, 408, 409, 1000, 4096];
        foreach (var length in lengths)
        {
            data.Add(length);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LengthsAroundTheRate))]
    public void Matches_an_independent_implementation_at_length(int length)
    {
        var input = Pattern(length);
        Assert.Equal(KeccakOracle.Hash(input), Keccak256.Compute(input).ToArray());

        var output = new byte[32];
        Keccak256.Hash(input, output);
        Assert.Equal(KeccakOracle.Hash(input), output);
    }

    [Fact]
    public void Matches_an_independent_implementation_for_every_length_up_to_three_blocks()
    {
        var input = Pattern(3 * Keccak256.Rate + 1);
        for (var length = 0; length <= input.Length; length++)
        {
            var slice = input.AsSpan(0, length);
            Assert.True(KeccakOracle.Hash(slice).AsSpan().SequenceEqual(Keccak256.Compute(slice).Bytes), $"length {length}");
        }
    }

    [Fact]
    public void Matches_an_independent_implementation_on_128_KiB()
    {
        var input = new byte[128 * 1024];
        new Random(1).NextBytes(input);
        Assert.Equal(KeccakOracle.Hash(input), Keccak256.Compute(input).ToArray());
    }

    [Fact]
    public void Writes_only_the_first_32_bytes_of_a_longer_output()
    {
        var output = Enumerable.Repeat((byte)0xEE, 40).ToArray();
        Keccak256.Hash("abc"u8, output);
        Assert.Equal(Keccak256.Compute("abc"u8).ToArray(), output[..32]);
        Assert.All(output[32..], b => Assert.Equal(0xEE, b));
    }

    [Fact]
    public void Rejects_an_output_shorter_than_32_bytes()
    {
        var output = new byte[31];
        Assert.Throws<ArgumentException>(() => Keccak256.Hash("abc"u8, output));
    }

    [Fact]
    public void Hashes_the_empty_list_to_the_ommers_hash_constant()
    {
        Assert.Equal(
            "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347",
            Keccak256.Compute([Rlp.EmptyList]).ToString());
    }

    internal static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) + 7);
        }

        return bytes;
    }
}
