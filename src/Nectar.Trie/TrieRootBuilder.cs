using System.Runtime.CompilerServices;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Trie.Nodes;

namespace Nectar.Trie;

/// <summary>
/// Computes the root of a key/value set given in strictly increasing key order, without building or storing a
/// trie: only the branches on the path of the last key are open, and every node is encoded and hashed exactly
/// once, as soon as the keys that follow it show it can no longer change. For transaction, receipt and
/// withdrawal roots (see <see cref="TrieRoots"/>) and any other root that is computed once and never stored.
/// </summary>
/// <remarks>
/// Reusable: <see cref="Complete"/> returns the root and empties the builder, keeping its buffers, so a builder
/// kept around allocates nothing per key once its buffers have grown to the largest key and value seen.
/// </remarks>
[SkipLocalsInit]
public sealed class TrieRootBuilder
{
    private const int StackNibbles = 256;

    private byte[] _key = new byte[64];
    private int _keyLength = -1;
    private byte[] _value = new byte[128];
    private int _valueLength;
    private Frame[] _frames = new Frame[16];
    private int _openFrames;
    private byte[] _scratch = new byte[NodeEncoder.StackBufferSize];

    /// <summary>How many keys have been added since the builder was created, reset or completed.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the next key and its value.</summary>
    /// <param name="key">A key greater than every key added before (byte-wise order, a key before its extensions).</param>
    /// <param name="value">The value; copied, so the caller may reuse its buffer.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, or <paramref name="key"/> is not greater than the previous key.</exception>
    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            throw new ArgumentException("A trie holds no empty values; leave the key out instead.", nameof(value));
        }

        var nibbleCount = 2 * key.Length;
        var current = nibbleCount <= StackNibbles ? stackalloc byte[StackNibbles] : new byte[nibbleCount];
        current = current[..nibbleCount];
        Nibbles.FromBytes(key, current);
        if (_keyLength >= 0)
        {
            var previous = _key.AsSpan(0, _keyLength);
            if (previous.SequenceCompareTo(current) >= 0)
            {
                throw new ArgumentException("Keys must be added in strictly increasing byte order.", nameof(key));
            }

            Flush(previous.CommonPrefixLength(current));
        }

        EnsureCapacity(ref _key, nibbleCount);
        current.CopyTo(_key);
        _keyLength = nibbleCount;
        EnsureCapacity(ref _value, value.Length);
        value.CopyTo(_value);
        _valueLength = value.Length;
        Count++;
    }

    /// <summary>Finishes the trie and returns its root; the builder is then empty and ready for another set.</summary>
    /// <returns>The root hash; <see cref="Hash256.EmptyTrieRoot"/> when nothing was added.</returns>
    public Hash256 Complete()
    {
        if (_keyLength < 0)
        {
            return Hash256.EmptyTrieRoot;
        }

        var key = _key.AsSpan(0, _keyLength);
        var value = _value.AsSpan(0, _valueLength);
        Hash256 root;
        if (_openFrames == 0)
        {
            // A single key: the root is one leaf holding the whole path.
            EnsureCapacity(ref _scratch, NodeEncoder.LeafLength(key.Length, value));
            root = Keccak256.Compute(_scratch.AsSpan(0, NodeEncoder.WriteLeaf(key, value, _scratch)));
        }
        else
        {
            var top = _frames[_openFrames - 1];
            AttachLeaf(top, key, top.Depth, value);
            while (_openFrames > 1)
            {
                var closing = _frames[--_openFrames];
                var reference = SealBranch(closing);
                AttachChild(_frames[_openFrames - 1], key, closing.Depth, reference);
            }

            var bottom = _frames[0];
            var branch = EncodeBranch(bottom);
            if (bottom.Depth == 0)
            {
                root = Keccak256.Compute(branch);
            }
            else
            {
                // Every key shares the first nibbles: the root is an extension over the bottom branch.
                var reference = default(NodeReference);
                reference.SetFromEncoding(branch);
                EnsureCapacity(ref _scratch, NodeEncoder.ExtensionLength(bottom.Depth, reference));
                root = Keccak256.Compute(_scratch.AsSpan(0, NodeEncoder.WriteExtension(key[..bottom.Depth], reference, _scratch)));
            }
        }

        Reset();
        return root;
    }

    /// <summary>Drops every key added so far.</summary>
    public void Reset()
    {
        _keyLength = -1;
        _valueLength = 0;
        _openFrames = 0;
        Count = 0;
    }

    /// <summary>
    /// Settles the previous key now that the next one is known to share its first <paramref name="common"/>
    /// nibbles: the previous leaf hangs off the deepest branch it shares with either neighbour, and every open
    /// branch deeper than <paramref name="common"/> is complete, so it is hashed into its parent.
    /// </summary>
    private void Flush(int common)
    {
        var key = _key.AsSpan(0, _keyLength);
        var value = _value.AsSpan(0, _valueLength);
        var top = _openFrames == 0 ? -1 : _frames[_openFrames - 1].Depth;
        if (common > top)
        {
            var frame = Push(common);
            if (common == key.Length)
            {
                // The previous key is a prefix of the next: its value belongs to the branch where they part.
                frame.Value = value.ToArray();
            }
            else
            {
                AttachLeaf(frame, key, common, value);
            }

            return;
        }

        AttachLeaf(_frames[_openFrames - 1], key, top, value);
        while (_frames[_openFrames - 1].Depth > common)
        {
            // Seal before pushing: a push may reuse the frame object just popped.
            var closing = _frames[--_openFrames];
            var closingDepth = closing.Depth;
            var reference = SealBranch(closing);
            var parent = _openFrames > 0 && _frames[_openFrames - 1].Depth >= common ? _frames[_openFrames - 1] : Push(common);
            AttachChild(parent, key, closingDepth, reference);
        }
    }

    private Frame Push(int depth)
    {
        if (_openFrames == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        var frame = _frames[_openFrames] ??= new Frame();
        frame.Depth = depth;
        frame.Mask = 0;
        frame.Value = null;
        _openFrames++;
        return frame;
    }

    private void AttachLeaf(Frame frame, ReadOnlySpan<byte> key, int depth, ReadOnlySpan<byte> value)
    {
        var slot = key[depth];
        var path = key[(depth + 1)..];
        EnsureCapacity(ref _scratch, NodeEncoder.LeafLength(path.Length, value));
        var length = NodeEncoder.WriteLeaf(path, value, _scratch);
        frame.Children[slot].SetFromEncoding(_scratch.AsSpan(0, length));
        frame.Mask |= 1 << slot;
    }

    /// <summary>Puts a sealed branch at <paramref name="childDepth"/> into <paramref name="parent"/>, through an extension when nibbles lie between them.</summary>
    private void AttachChild(Frame parent, ReadOnlySpan<byte> key, int childDepth, in NodeReference branch)
    {
        var slot = key[parent.Depth];
        ref var target = ref parent.Children[slot];
        if (childDepth == parent.Depth + 1)
        {
            target = branch;
        }
        else
        {
            var path = key[(parent.Depth + 1)..childDepth];
            EnsureCapacity(ref _scratch, NodeEncoder.ExtensionLength(path.Length, branch));
            var length = NodeEncoder.WriteExtension(path, branch, _scratch);
            target.SetFromEncoding(_scratch.AsSpan(0, length));
        }

        parent.Mask |= 1 << slot;
    }

    private NodeReference SealBranch(Frame frame)
    {
        var reference = default(NodeReference);
        reference.SetFromEncoding(EncodeBranch(frame));
        return reference;
    }

    private ReadOnlySpan<byte> EncodeBranch(Frame frame)
    {
        ReadOnlySpan<NodeReference> children = frame.Children;
        EnsureCapacity(ref _scratch, NodeEncoder.BranchLength(children, frame.Mask, frame.Value));
        var length = NodeEncoder.WriteBranch(children, frame.Mask, frame.Value, _scratch);
        return _scratch.AsSpan(0, length);
    }

    private static void EnsureCapacity(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }
    }

    /// <summary>An open branch on the path of the last key: its depth in nibbles and the children settled so far.</summary>
    private sealed class Frame
    {
        public int Depth;
        public int Mask;
        public NodeReferences16 Children;
        public byte[]? Value;
    }
}
