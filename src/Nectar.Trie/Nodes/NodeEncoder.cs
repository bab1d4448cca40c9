using System.Buffers;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Nectar.Trie.Nodes;

/// <summary>
/// RLP encoding of trie nodes straight into a caller's span: a leaf is <c>[compact(path, leaf), value]</c>, an
/// extension <c>[compact(path), child]</c>, a branch <c>[child0 … child15, value]</c>, where a child is its
/// 32-byte hash or, when its own encoding is shorter than 32 bytes, that encoding embedded as it is.
/// </summary>
[SkipLocalsInit]
internal static class NodeEncoder
{
    /// <summary>Encodings up to this size are built on the stack; a branch of 16 hashes takes 532 bytes.</summary>
    public const int StackBufferSize = 1024;

    /// <summary>Encoded length of a leaf.</summary>
    public static int LeafLength(int pathLength, ReadOnlySpan<byte> value) =>
        ListLength(CompactItemLength(pathLength) + StringLength(value));

    /// <summary>Writes a leaf and returns its length.</summary>
    public static int WriteLeaf(ReadOnlySpan<byte> path, ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var content = CompactItemLength(path.Length) + StringLength(value);
        var position = WriteHeader(destination, 0xC0, content);
        position += WriteCompact(path, isLeaf: true, destination[position..]);
        position += WriteString(value, destination[position..]);
        return position;
    }

    /// <summary>Encoded length of an extension.</summary>
    public static int ExtensionLength(int pathLength, in NodeReference child) =>
        ListLength(CompactItemLength(pathLength) + child.EncodedLength);

    /// <summary>Writes an extension and returns its length.</summary>
    public static int WriteExtension(ReadOnlySpan<byte> path, in NodeReference child, Span<byte> destination)
    {
        var content = CompactItemLength(path.Length) + child.EncodedLength;
        var position = WriteHeader(destination, 0xC0, content);
        position += WriteCompact(path, isLeaf: false, destination[position..]);
        position += child.WriteTo(destination[position..]);
        return position;
    }

    /// <summary>Encoded length of a branch given as inline references, where <paramref name="mask"/> bit i marks child i present.</summary>
    public static int BranchLength(ReadOnlySpan<NodeReference> children, int mask, ReadOnlySpan<byte> value)
    {
        var content = 16 - BitOperations.PopCount((uint)mask) + StringLength(value);
        for (var bits = (uint)mask; bits != 0; bits &= bits - 1)
        {
            content += children[BitOperations.TrailingZeroCount(bits)].EncodedLength;
        }

        return ListLength(content);
    }

    /// <summary>Writes a branch given as inline references and returns its length.</summary>
    public static int WriteBranch(ReadOnlySpan<NodeReference> children, int mask, ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var content = 16 - BitOperations.PopCount((uint)mask) + StringLength(value);
        for (var bits = (uint)mask; bits != 0; bits &= bits - 1)
        {
            content += children[BitOperations.TrailingZeroCount(bits)].EncodedLength;
        }

        var position = WriteHeader(destination, 0xC0, content);
        for (var i = 0; i < 16; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                position += children[i].WriteTo(destination[position..]);
            }
            else
            {
                destination[position++] = 0x80;
            }
        }

        position += WriteString(value, destination[position..]);
        return position;
    }

    /// <summary>Encoded length of a node whose children all have their references computed.</summary>
    public static int GetLength(TrieNode node)
    {
        switch (node.Kind)
        {
            case NodeKind.Leaf:
                var leaf = Unsafe.As<LeafNode>(node);
                return LeafLength(leaf.Path.Length, leaf.Value);
            case NodeKind.Extension:
                var extension = Unsafe.As<ExtensionNode>(node);
                return ExtensionLength(extension.Path.Length, extension.Child.Reference);
            case NodeKind.Branch:
                return ListLength(BranchContentLength(Unsafe.As<BranchNode>(node)));
            default:
                throw new InvalidOperationException("A node known only by its hash has no encoding in memory.");
        }
    }

    /// <summary>Writes a node whose children all have their references computed; returns its length.</summary>
    public static int Write(TrieNode node, Span<byte> destination)
    {
        switch (node.Kind)
        {
            case NodeKind.Leaf:
                var leaf = Unsafe.As<LeafNode>(node);
                return WriteLeaf(leaf.Path.Span, leaf.Value, destination);
            case NodeKind.Extension:
                var extension = Unsafe.As<ExtensionNode>(node);
                return WriteExtension(extension.Path.Span, extension.Child.Reference, destination);
            case NodeKind.Branch:
                return WriteBranch(Unsafe.As<BranchNode>(node), destination);
            default:
                throw new InvalidOperationException("A node known only by its hash has no encoding in memory.");
        }
    }

    /// <summary>The node's encoding as a new array (proofs, commits).</summary>
    public static byte[] ToArray(TrieNode node)
    {
        var result = new byte[GetLength(node)];
        Write(node, result);
        return result;
    }

    /// <summary>Encodes <paramref name="node"/> (children already referenced) and caches its reference.</summary>
    public static void Seal(TrieNode node)
    {
        var length = GetLength(node);
        if (length <= StackBufferSize)
        {
            Span<byte> buffer = stackalloc byte[StackBufferSize];
            var written = Write(node, buffer);
            Debug.Assert(written == length, "The computed length matches the bytes written.");
            node.Reference.SetFromEncoding(buffer[..written]);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Write(node, rented);
            node.Reference.SetFromEncoding(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int BranchContentLength(BranchNode branch)
    {
        var content = StringLength(branch.Value);
        for (var i = 0; i < 16; i++)
        {
            var child = branch.Children[i];
            content += child is null ? 1 : child.Reference.EncodedLength;
        }

        return content;
    }

    private static int WriteBranch(BranchNode branch, Span<byte> destination)
    {
        var position = WriteHeader(destination, 0xC0, BranchContentLength(branch));
        for (var i = 0; i < 16; i++)
        {
            var child = branch.Children[i];
            if (child is null)
            {
                destination[position++] = 0x80;
            }
            else
            {
                Debug.Assert(child.Reference.IsSet, "Children are hashed before their parent.");
                position += child.Reference.WriteTo(destination[position..]);
            }
        }

        position += WriteString(branch.Value, destination[position..]);
        return position;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HeaderLength(int payloadLength) =>
        payloadLength < 56 ? 1 : 1 + sizeof(int) - (BitOperations.LeadingZeroCount((uint)payloadLength) / 8);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ListLength(int contentLength) => HeaderLength(contentLength) + contentLength;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StringLength(ReadOnlySpan<byte> value) =>
        value.Length == 1 && value[0] < 0x80 ? 1 : HeaderLength(value.Length) + value.Length;

    /// <summary>The compact path is a one-byte string below 0x80 (flag nibble at most 3) when it holds at most one nibble.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CompactItemLength(int pathLength)
    {
        var length = CompactPath.Length(pathLength);
        return length == 1 ? 1 : HeaderLength(length) + length;
    }

    private static int WriteCompact(ReadOnlySpan<byte> path, bool isLeaf, Span<byte> destination)
    {
        var length = CompactPath.Length(path.Length);
        if (length == 1)
        {
            CompactPath.Write(path, isLeaf, destination);
            return 1;
        }

        var header = WriteHeader(destination, 0x80, length);
        CompactPath.Write(path, isLeaf, destination[header..]);
        return header + length;
    }

    private static int WriteString(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        if (value.Length == 1 && value[0] < 0x80)
        {
            destination[0] = value[0];
            return 1;
        }

        var header = WriteHeader(destination, 0x80, value.Length);
        value.CopyTo(destination[header..]);
        return header + value.Length;
    }

    private static int WriteHeader(Span<byte> destination, byte offset, int length)
    {
        if (length < 56)
        {
            destination[0] = (byte)(offset + length);
            return 1;
        }

        var lengthOfLength = sizeof(int) - (BitOperations.LeadingZeroCount((uint)length) / 8);
        destination[0] = (byte)(offset + 55 + lengthOfLength);
        for (var i = lengthOfLength; i > 0; i--)
        {
            destination[i] = (byte)length;
            length >>= 8;
        }

        return 1 + lengthOfLength;
    }
}
