using System.Buffers.Binary;

namespace Nectar.Crypto.Tests;

/// <summary>The test vectors of EIP-152 and agreement between the vector and scalar compression paths.</summary>
public sealed class Blake2FTests
{
    // Everything after the 4-byte round count: h, m ("abc" padded), t0 = 3, t1 = 0; the final flag is appended per case.
    private const string Body =
        "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b"
        + "6162630000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "03000000000000000000000000000000";

    [Fact]
    public void Vector_0_rejects_empty_input()
    {
        AssertError(string.Empty, Blake2F.InvalidLengthError);
    }

    [Fact]
    public void Vector_1_rejects_212_bytes()
    {
        AssertError("00000c" + Body + "01", Blake2F.InvalidLengthError);
    }

    [Fact]
    public void Vector_2_rejects_214_bytes()
    {
        AssertError("000000000c" + Body + "01", Blake2F.InvalidLengthError);
    }

    [Fact]
    public void Vector_3_rejects_a_final_flag_other_than_0_or_1()
    {
        AssertError("0000000c" + Body + "02", Blake2F.InvalidFinalFlagError);
    }

    [Theory]
    [InlineData("00000000", "01", "08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b")]
    [InlineData("0000000c", "01", "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")]
    [InlineData("0000000c", "00", "75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d2875298743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735")]
    [InlineData("00000001", "01", "b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fba551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421")]
    public void Vectors_4_to_7_compress_as_specified(string rounds, string flag, string expected)
    {
        Assert.Equal(expected, Run(rounds + Body + flag));
    }

    [Fact]
    public void Vector_8_runs_the_maximum_round_count()
    {
        // 2^32 - 1 rounds: the loop must stay tight enough for this to finish in seconds.
        Assert.Equal(
            "fc59093aafa9ab43daae0e914c57635c5402d8e3d2130eb9b3cc181de7f0ecf9b22bf99a7815ce16419e200e01846e6b5df8cc7703041bbceb571de6631d2615",
            Run("ffffffff" + Body + "01"));
    }

    [Fact]
    public void Vector_and_scalar_paths_agree()
    {
        var random = new Random(61);
        Span<byte> bytes = stackalloc byte[8];
        for (var i = 0; i < 50; i++)
        {
            var state = new ulong[8];
            var message = new ulong[16];
            for (var k = 0; k < state.Length; k++)
            {
                random.NextBytes(bytes);
                state[k] = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            }

            for (var k = 0; k < message.Length; k++)
            {
                random.NextBytes(bytes);
                message[k] = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            }

            var rounds = (uint)random.Next(0, 40);
            var (t0, t1, final) = ((ulong)random.NextInt64(), (ulong)random.NextInt64(), random.Next(2) == 1);
            var scalar = (ulong[])state.Clone();
            Blake2F.CompressScalar(rounds, ref scalar[0], in message[0], t0, t1, final);
            Blake2F.CompressVector(rounds, ref state[0], in message[0], t0, t1, final);
            Assert.Equal(scalar, state);
        }
    }

    [Fact]
    public void Rejects_spans_of_the_wrong_size()
    {
        Assert.Throws<ArgumentException>(() => Blake2F.Compress(12, new ulong[7], new ulong[16], 0, 0, false));
        Assert.Throws<ArgumentException>(() => Blake2F.Compress(12, new ulong[8], new ulong[15], 0, 0, false));
        Assert.Throws<ArgumentException>(() => Blake2F.TryRun(new byte[213], new byte[63], out _));
    }

    private static string Run(string inputHex)
    {
        var output = new byte[64];
        Assert.True(Blake2F.TryRun(Convert.FromHexString(inputHex), output, out var error));
        Assert.Null(error);
        return Convert.ToHexStringLower(output);
    }

    private static void AssertError(string inputHex, string expectedError)
    {
        var output = new byte[64];
        Assert.False(Blake2F.TryRun(Convert.FromHexString(inputHex), output, out var error));
        Assert.Equal(expectedError, error);
    }
}
