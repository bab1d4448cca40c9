using System.Runtime.CompilerServices;
using Nectar.Core.Encoding;

namespace Nectar.Trie.Nodes;

/// <summary>
/// Decodes stored or proof nodes into trie nodes. Strict: anything a canonical trie would not produce (an unknown
/// path flag, an empty leaf value, a branch with fewer than two entries, an embedded node of 32 bytes or more, an
/// extension without path or leading to anything but a branch) is rejected.
/// </summary>
internal static class NodeDecoder
{
    /// <summary>Decodes one node; hashed children become <see cref="HashNode"/> placeholders, embedded ones are decoded.</summary>
    /// <param name="encoding">The node's RLP.</param>
    /// <returns>The node, with its own reference left unset for the caller.</returns>
    /// <exception cref="RlpException">The input is not canonical RLP.</exception>
    /// <exception cref="InvalidDataException">The RLP is not a valid trie node.</exception>
    public static TrieNode Decode(ReadOnlySpan<byte> encoding)
    {
        var reader = new RlpReader(encoding);
        var content = reader.ReadList();
        reader.EnsureEnd();
        return DecodeContent(content);
    }

    private static TrieNode DecodeContent(RlpReader content)
    {
        var counter = content;
        var count = 0;
        while (counter.HasMore)
        {
            counter.Skip();
            count++;
        }

        return count switch
        {
            2 => DecodeShort(ref content),
            17 => DecodeBranch(ref content),
            _ => throw Invalid($"a node is a list of 2 or 17 items, not {count}"),
        };
    }

    [SkipLocalsInit]
    private static TrieNode DecodeShort(ref RlpReader content)
    {
        var compact = content.ReadBytes();
        var buffer = compact.Length <= 128 ? stackalloc byte[256] : new byte[2 * compact.Length];
        var length = CompactPath.TryDecode(compact, buffer, out var isLeaf);
        if (length < 0)
        {
            throw Invalid("the path is not hex-prefix encoded");
        }

        var path = buffer[..length];
        if (isLeaf)
        {
            var value = content.ReadBytes();
            if (value.IsEmpty)
            {
                throw Invalid("a leaf holds an empty value");
            }

            return LeafNode.Create(path, value);
        }

        if (path.Length == 0)
        {
            throw Invalid("an extension has an empty path");
        }

        var child = DecodeReference(ref content) ?? throw Invalid("an extension has no child");
        if (child.Kind is not (NodeKind.Branch or NodeKind.Hash))
        {
            throw Invalid("an extension leads to something other than a branch");
        }

        return new ExtensionNode(NibblePath.Copy(path), child);
    }

    private static BranchNode DecodeBranch(ref RlpReader content)
    {
        var branch = new BranchNode();
        for (var i = 0; i < 16; i++)
        {
            branch.Children[i] = DecodeReference(ref content);
        }

        var value = content.ReadBytes();
        branch.Value = value.IsEmpty ? null : value.ToArray();
        if (branch.CountEntries() < 2)
        {
            throw Invalid("a branch has fewer than two entries");
        }

        return branch;
    }

    /// <summary>Reads a child: the empty string (none), a 32-byte hash, or an embedded node shorter than 32 bytes.</summary>
    private static TrieNode? DecodeReference(ref RlpReader content)
    {
        if (content.IsList)
        {
            var embedded = content.ReadEncodedItem();
            if (embedded.Length >= Bytes32.Length)
            {
                throw Invalid($"an embedded node of {embedded.Length} bytes must be referenced by its hash");
            }

            var inner = new RlpReader(embedded);
            var node = DecodeContent(inner.ReadList());
            node.Reference.SetFromEncoding(embedded);
            node.IsPersisted = true;
            return node;
        }

        var bytes = content.ReadBytes();
        return bytes.Length switch
        {
            0 => null,
            Bytes32.Length => new HashNode(bytes),
            _ => throw Invalid($"a child reference of {bytes.Length} bytes is neither empty nor a hash"),
        };
    }

    private static InvalidDataException Invalid(string reason) => new($"Invalid trie node: {reason}.");
}
