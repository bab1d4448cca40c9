using Nectar.Core.Encoding;
using Nectar.Trie.Nodes;

namespace Nectar.Trie.Tests;

/// <summary>Hex-prefix paths and node decoding: the vectors of the Yellow Paper's appendix C and the malformed nodes to reject.</summary>
public sealed class NodeEncodingTests
{
    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4, 5 }, false, "112345")]
    [InlineData(new byte[] { 0, 1, 2, 3, 4, 5 }, false, "00012345")]
    [InlineData(new byte[] { 0, 0xf, 1, 0xc, 0xb, 8 }, true, "200f1cb8")]
    [InlineData(new byte[] { 0xf, 1, 0xc, 0xb, 8 }, true, "3f1cb8")]
    [InlineData(new byte[] { }, true, "20")]
    [InlineData(new byte[] { }, false, "00")]
    public void Compact_path_encoding_round_trips(byte[] nibbles, bool isLeaf, string hex)
    {
        var encoded = new byte[CompactPath.Length(nibbles.Length)];
        CompactPath.Write(nibbles, isLeaf, encoded);
        Assert.Equal(hex, Convert.ToHexStringLower(encoded));
        var decoded = new byte[2 * encoded.Length];
        var length = CompactPath.TryDecode(encoded, decoded, out var decodedLeaf);
        Assert.Equal(nibbles, decoded[..length]);
        Assert.Equal(isLeaf, decodedLeaf);
    }

    [Theory]
    [InlineData("")]
    [InlineData("40")]
    [InlineData("f1")]
    [InlineData("01")]
    [InlineData("2a")]
    public void Compact_path_decoding_rejects_unknown_flags_and_nonzero_padding(string hex)
    {
        var compact = Convert.FromHexString(hex);
        Assert.Equal(-1, CompactPath.TryDecode(compact, new byte[2 * compact.Length], out _));
    }

    [Theory]
    [InlineData("c0")]
    [InlineData("c3808080")]
    [InlineData("c22080")]
    [InlineData("c28080")]
    [InlineData("c3820001c0")]
    [InlineData("d1808080808080808080808080808080808080")]
    public void Rejects_nodes_a_canonical_trie_never_contains(string hex)
    {
        var error = Record.Exception(() => NodeDecoder.Decode(Convert.FromHexString(hex)));
        Assert.True(error is InvalidDataException or RlpException, error?.GetType().Name ?? "no exception");
    }

    [Fact]
    public void Decoded_nodes_re_encode_to_the_same_bytes()
    {
        var trie = new PatriciaTrie();
        var random = new Random(9);
        for (var i = 0; i < 500; i++)
        {
            trie.Set(TestData.RandomShortKey(random), TestData.RandomValue(random));
            trie.Set(TestData.RandomBytes(random, 32), TestData.RandomValue(random));
        }

        _ = trie.RootHash;
        for (var i = 0; i < 100; i++)
        {
            foreach (var node in trie.GetProof(TestData.RandomBytes(random, random.Next(0, 33))))
            {
                Assert.Equal(node, NodeEncoder.ToArray(NodeDecoder.Decode(node)));
            }
        }
    }
}
