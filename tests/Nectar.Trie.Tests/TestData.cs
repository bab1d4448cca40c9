using Nectar.Core.Primitives;

namespace Nectar.Trie.Tests;

/// <summary>Reproducible random keys, values and a reference model of the trie's contents.</summary>
internal static class TestData
{
    /// <summary>Orders keys byte-wise, a key before its extensions, as the trie does.</summary>
    public static readonly Comparer<byte[]> KeyOrder = Comparer<byte[]>.Create(static (a, b) => a.AsSpan().SequenceCompareTo(b));

    /// <summary>Bytes chosen so that short keys share prefixes, end inside each other and fill both ends of a branch.</summary>
    private static readonly byte[] Alphabet = [0x00, 0x01, 0x10, 0x11, 0x7f, 0x80, 0xab, 0xff];

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A value of 1 to 80 bytes; one in eight is a single byte below 0x80, which RLP writes as itself.</summary>
    public static byte[] RandomValue(Random random) =>
        random.Next(8) == 0 ? [(byte)random.Next(0x80)] : RandomBytes(random, random.Next(1, 81));

    /// <summary>A short key (0 to 4 bytes) over a small alphabet, so keys are often prefixes of one another.</summary>
    public static byte[] RandomShortKey(Random random)
    {
        var key = new byte[random.Next(5)];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return key;
    }

    /// <summary>The root of <paramref name="entries"/> computed from scratch by the stack builder.</summary>
    public static Hash256 BuilderRoot(SortedDictionary<byte[], byte[]> entries)
    {
        var builder = new TrieRootBuilder();
        foreach (var entry in entries)
        {
            builder.Add(entry.Key, entry.Value);
        }

        return builder.Complete();
    }

    /// <summary>A fresh trie holding <paramref name="entries"/>, inserted in a shuffled order.</summary>
    public static PatriciaTrie FreshTrie(SortedDictionary<byte[], byte[]> entries, int seed)
    {
        var shuffled = entries.ToArray();
        new Random(seed).Shuffle(shuffled);
        var trie = new PatriciaTrie();
        foreach (var entry in shuffled)
        {
            trie.Set(entry.Key, entry.Value);
        }

        return trie;
    }
}
