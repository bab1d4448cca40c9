using BenchmarkDotNet.Attributes;
using Nectar.Core.Primitives;
using Nectar.Trie;

namespace Nectar.Benchmarks.Trie;

/// <summary>
/// A state-sized root from scratch: N random 32-byte keys (hashed addresses) with 70-byte values (accounts),
/// inserted into a new trie and hashed, and the same set given sorted to the stack builder.
/// </summary>
[MemoryDiagnoser]
public class TrieRootBenchmarks
{
    private byte[][] _keys = [];
    private byte[][] _values = [];
    private byte[][] _sortedKeys = [];
    private byte[][] _sortedValues = [];

    [Params(10_000, 100_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _keys = new byte[Count][];
        _values = new byte[Count][];
        for (var i = 0; i < Count; i++)
        {
            _keys[i] = new byte[32];
            random.NextBytes(_keys[i]);
            _values[i] = new byte[70];
            random.NextBytes(_values[i]);
        }

        _sortedKeys = (byte[][])_keys.Clone();
        _sortedValues = (byte[][])_values.Clone();
        Array.Sort(_sortedKeys, _sortedValues, Comparer<byte[]>.Create(static (a, b) => a.AsSpan().SequenceCompareTo(b)));
    }

    [Benchmark(Baseline = true)]
    public Hash256 InsertAndHash()
    {
        var trie = new PatriciaTrie();
        for (var i = 0; i < _keys.Length; i++)
        {
            trie.Set(_keys[i], _values[i]);
        }

        return trie.RootHash;
    }

    [Benchmark]
    public Hash256 StackBuilderOverSortedKeys()
    {
        var builder = new TrieRootBuilder();
        for (var i = 0; i < _sortedKeys.Length; i++)
        {
            builder.Add(_sortedKeys[i], _sortedValues[i]);
        }

        return builder.Complete();
    }
}
