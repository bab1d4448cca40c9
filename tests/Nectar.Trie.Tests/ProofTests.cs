using System.Text;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;

namespace Nectar.Trie.Tests;

/// <summary>Proof generation and verification, with the tampered, truncated and padded proofs that must fail.</summary>
public sealed class ProofTests
{
    private static readonly string[] Words = ["do", "dog", "doge", "horse", "ether", "d", "dogglesworth", "a"];

    [Fact]
    public void Proves_every_present_key_with_its_value()
    {
        var (trie, model) = Build(seed: 1, count: 1000);
        var root = trie.RootHash;
        foreach (var entry in model)
        {
            Assert.True(TrieProof.TryVerify(root, entry.Key, trie.GetProof(entry.Key), out var value));
            Assert.Equal(entry.Value, value);
        }
    }

    [Fact]
    public void Proves_the_absence_of_missing_keys()
    {
        var (trie, model) = Build(seed: 2, count: 1000);
        var root = trie.RootHash;
        var random = new Random(3);
        for (var i = 0; i < 300; i++)
        {
            var key = TestData.RandomBytes(random, 32);
            Assert.False(model.ContainsKey(key));
            Assert.True(TrieProof.TryVerify(root, key, trie.GetProof(key), out var value));
            Assert.Null(value);
        }
    }

    [Fact]
    public void Proves_keys_in_a_trie_of_nodes_embedded_in_their_parents()
    {
        var trie = new PatriciaTrie();
        foreach (var word in Words)
        {
            trie.Set(Encoding.UTF8.GetBytes(word), Encoding.UTF8.GetBytes(word.ToUpperInvariant()));
        }

        var root = trie.RootHash;
        foreach (var word in Words)
        {
            var key = Encoding.UTF8.GetBytes(word);
            Assert.True(TrieProof.TryVerify(root, key, trie.GetProof(key), out var value));
            Assert.Equal(Encoding.UTF8.GetBytes(word.ToUpperInvariant()), value);
        }

        foreach (var missing in new[] { string.Empty, "x", "dogs", "dogez", "hors", "e", "ethereum" })
        {
            var key = Encoding.UTF8.GetBytes(missing);
            Assert.True(TrieProof.TryVerify(root, key, trie.GetProof(key), out var value));
            Assert.Null(value);
        }
    }

    [Fact]
    public void Proof_of_a_single_short_entry_is_its_root_node()
    {
        var trie = new PatriciaTrie();
        trie.Set("k"u8, "v"u8);
        var proof = trie.GetProof("k"u8);
        Assert.Equal([[0xc4, 0x82, 0x20, 0x6b, 0x76]], proof);
        Assert.Equal(Keccak256.Compute(proof[0]), trie.RootHash);
        Assert.True(TrieProof.TryVerify(trie.RootHash, "k"u8, proof, out var value));
        Assert.Equal("v"u8.ToArray(), value);
    }

    [Fact]
    public void Any_changed_byte_in_any_proof_node_makes_the_proof_fail()
    {
        var (trie, model) = Build(seed: 4, count: 500);
        var root = trie.RootHash;
        var random = new Random(5);
        var keys = model.Keys.Take(20).Concat(Enumerable.Range(0, 5).Select(_ => TestData.RandomBytes(random, 32)));
        foreach (var key in keys)
        {
            var proof = trie.GetProof(key);
            for (var node = 0; node < proof.Length; node++)
            {
                var tampered = proof.Select(p => (byte[])p.Clone()).ToArray();
                tampered[node][random.Next(tampered[node].Length)] ^= (byte)(1 << random.Next(8));
                Assert.False(TrieProof.TryVerify(root, key, tampered, out _));
            }
        }
    }

    [Fact]
    public void Proof_with_its_last_node_dropped_fails()
    {
        var (trie, model) = Build(seed: 6, count: 500);
        var root = trie.RootHash;
        foreach (var key in model.Keys.Take(20))
        {
            var proof = trie.GetProof(key);
            Assert.True(proof.Length > 1);
            Assert.False(TrieProof.TryVerify(root, key, proof[..^1], out _));
        }
    }

    [Fact]
    public void Proof_with_an_extra_node_fails()
    {
        var (trie, model) = Build(seed: 7, count: 500);
        var root = trie.RootHash;
        var keys = model.Keys.ToArray();
        var proof = trie.GetProof(keys[0]);
        Assert.False(TrieProof.TryVerify(root, keys[0], [.. proof, trie.GetProof(keys[1])[^1]], out _));
    }

    [Fact]
    public void Proof_fails_against_another_root()
    {
        var (trie, model) = Build(seed: 8, count: 100);
        var key = model.Keys.First();
        var proof = trie.GetProof(key);
        Assert.True(TrieProof.TryVerify(trie.RootHash, key, proof, out _));
        Assert.False(TrieProof.TryVerify(Keccak256.Compute("other"u8), key, proof, out _));
    }

    [Fact]
    public void Proof_of_a_present_key_does_not_prove_another_present_key()
    {
        var (trie, model) = Build(seed: 9, count: 100);
        var keys = model.Keys.ToArray();
        Assert.False(TrieProof.TryVerify(trie.RootHash, keys[1], trie.GetProof(keys[0]), out _));
    }

    [Fact]
    public void Garbage_proof_nodes_fail_without_throwing()
    {
        byte[] garbage = [0xf8, 0x01];
        Assert.False(TrieProof.TryVerify(Keccak256.Compute(garbage), [1], [garbage], out _));
        byte[] notANode = [0xc3, 0x80, 0x80, 0x80];
        Assert.False(TrieProof.TryVerify(Keccak256.Compute(notANode), [1], [notANode], out _));
    }

    [Fact]
    public void Empty_trie_proves_absence_with_an_empty_proof_and_only_the_empty_trie_does()
    {
        var trie = new PatriciaTrie();
        Assert.Empty(trie.GetProof([1, 2]));
        Assert.True(TrieProof.TryVerify(Hash256.EmptyTrieRoot, [1, 2], [], out var value));
        Assert.Null(value);
        Assert.False(TrieProof.TryVerify(Keccak256.Compute([0xc4, 0x82, 0x20, 0x6b, 0x76]), "k"u8, [], out _));
    }

    [Fact]
    public void Secure_trie_proofs_verify_against_the_hashed_key()
    {
        var trie = new SecureTrie();
        for (byte i = 0; i < 100; i++)
        {
            trie.Set([i], [i, 1]);
        }

        var root = trie.RootHash;
        Assert.True(TrieProof.TryVerify(root, Keccak256.Compute([7]).Bytes, trie.GetProof([7]), out var value));
        Assert.Equal([7, 1], value);
        Assert.True(TrieProof.TryVerify(root, Keccak256.Compute([200]).Bytes, trie.GetProof([200]), out var absent));
        Assert.Null(absent);
    }

    private static (PatriciaTrie Trie, SortedDictionary<byte[], byte[]> Model) Build(int seed, int count)
    {
        var random = new Random(seed);
        var model = new SortedDictionary<byte[], byte[]>(TestData.KeyOrder);
        var trie = new PatriciaTrie();
        for (var i = 0; i < count; i++)
        {
            var key = TestData.RandomBytes(random, 32);
            var value = TestData.RandomValue(random);
            model[key] = value;
            trie.Set(key, value);
        }

        return (trie, model);
    }
}
