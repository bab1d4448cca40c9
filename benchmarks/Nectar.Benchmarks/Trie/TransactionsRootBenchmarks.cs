using BenchmarkDotNet.Attributes;
using Nectar.Core.Primitives;
using Nectar.Trie;

namespace Nectar.Benchmarks.Trie;

/// <summary>The transactions root of a 5,000-transaction block (keys rlp(index), 110 to 200-byte encodings), with the stack builder and, for comparison, with a full trie.</summary>
[MemoryDiagnoser]
public class TransactionsRootBenchmarks
{
    private const int Count = 5_000;

    private byte[][] _transactions = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _transactions = new byte[Count][];
        for (var i = 0; i < Count; i++)
        {
            _transactions[i] = new byte[random.Next(110, 201)];
            random.NextBytes(_transactions[i]);
        }
    }

    [Benchmark(Baseline = true)]
    public Hash256 StackBuilder() => TrieRoots.Ordered(_transactions);

    [Benchmark]
    public Hash256 FullTrie()
    {
        var trie = new PatriciaTrie();
        Span<byte> key = stackalloc byte[5];
        for (var i = 0; i < _transactions.Length; i++)
        {
            var length = Nectar.Core.Encoding.Rlp.LengthOfUInt64((ulong)i);
            var writer = new Nectar.Core.Encoding.RlpWriter(key);
            writer.WriteUInt64((ulong)i);
            trie.Set(key[..length], _transactions[i]);
        }

        return trie.RootHash;
    }
}
