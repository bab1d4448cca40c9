using Nectar.Core.Hashing;
using Nectar.Core.Primitives;

namespace Nectar.Core.Tests.Hashing;

public sealed class KeccakHasherTests
{
    [Fact]
    public void Default_hasher_gives_the_hash_of_the_empty_input()
    {
        var hasher = default(KeccakHasher);
        Assert.Equal(Keccak256.OfEmpty, hasher.Final());
    }

    [Fact]
    public void Pieces_of_any_size_give_the_one_shot_hash()
    {
        var input = Keccak256Tests.Pattern(700);
        var expected = Keccak256.Compute(input);
        var random = new Random(42);
        for (var run = 0; run < 300; run++)
        {
            var hasher = default(KeccakHasher);
            var rest = input.AsSpan();
            while (!rest.IsEmpty)
            {
                var take = Math.Min(rest.Length, random.Next(0, run % 3 == 0 ? 300 : 20));
                hasher.Update(rest[..take]);
                rest = rest[take..];
            }

            Assert.Equal(expected, hasher.Final());
        }
    }

    [Fact]
    public void Byte_by_byte_updates_cross_the_rate_boundary_correctly()
    {
        for (var length = Keccak256.Rate - 2; length <= (2 * Keccak256.Rate) + 2; length++)
        {
            var input = Keccak256Tests.Pattern(length);
            var hasher = default(KeccakHasher);
            foreach (var b in input)
            {
                hasher.Update([b]);
            }

            Assert.Equal(Keccak256.Compute(input), hasher.Final());
        }
    }

    [Fact]
    public void Final_resets_the_hasher_for_the_next_message()
    {
        var hasher = default(KeccakHasher);
        hasher.Update("first message"u8);
        _ = hasher.Final();
        hasher.Update("abc"u8);
        Assert.Equal(Keccak256.Compute("abc"u8), hasher.Final());
    }

    [Fact]
    public void Final_into_a_span_matches_Final_returning_a_hash()
    {
        var hasher = default(KeccakHasher);
        hasher.Update(Keccak256Tests.Pattern(300));
        var output = new byte[32];
        hasher.Final(output);
        Assert.Equal(Keccak256.Compute(Keccak256Tests.Pattern(300)), new Hash256(output));
    }

    [Fact]
    public void Reset_discards_input()
    {
        var hasher = default(KeccakHasher);
        hasher.Update(Keccak256Tests.Pattern(500));
        hasher.Reset();
        Assert.Equal(Keccak256.OfEmpty, hasher.Final());
    }

    [Fact]
    public void Rejects_an_output_shorter_than_32_bytes()
    {
        var hasher = default(KeccakHasher);
        Assert.Throws<ArgumentException>(() => hasher.Final(new byte[16]));
    }

    [Fact]
    public void Hashing_allocates_nothing()
    {
        var input = Keccak256Tests.Pattern(1000);
        Span<byte> output = stackalloc byte[32];
        var hasher = default(KeccakHasher);
        hasher.Update(input);
        hasher.Final(output);
        Keccak256.Hash(input, output);
        _ = Keccak256.Compute(input);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            hasher.Update(input.AsSpan(0, 100));
            hasher.Update(input.AsSpan(100));
            hasher.Final(output);
            Keccak256.Hash(input, output);
            _ = Keccak256.Compute(input);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
