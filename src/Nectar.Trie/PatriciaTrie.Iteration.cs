using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nectar.Trie.Nodes;

namespace Nectar.Trie;

/// <summary>Ordered navigation: the key after or before a given key, in byte-wise key order.</summary>
public sealed partial class PatriciaTrie
{
    /// <summary>Finds the smallest key strictly greater than <paramref name="key"/> (which need not be in the trie).</summary>
    /// <param name="key">The key to start from.</param>
    /// <param name="nextKey">The next key, when there is one.</param>
    /// <param name="value">A copy of its value.</param>
    /// <returns><see langword="true"/> when a greater key exists.</returns>
    /// <exception cref="MissingTrieNodeException">A node on the way is not in the store.</exception>
    public bool TryGetNext(ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? nextKey, [NotNullWhen(true)] out byte[]? value) =>
        Find(key, forward: true, out nextKey, out value);

    /// <summary>Finds the greatest key strictly less than <paramref name="key"/> (which need not be in the trie).</summary>
    /// <param name="key">The key to start from.</param>
    /// <param name="previousKey">The previous key, when there is one.</param>
    /// <param name="value">A copy of its value.</param>
    /// <returns><see langword="true"/> when a smaller key exists.</returns>
    /// <exception cref="MissingTrieNodeException">A node on the way is not in the store.</exception>
    public bool TryGetPrevious(ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? previousKey, [NotNullWhen(true)] out byte[]? value) =>
        Find(key, forward: false, out previousKey, out value);

    private bool Find(ReadOnlySpan<byte> key, bool forward, [NotNullWhen(true)] out byte[]? foundKey, [NotNullWhen(true)] out byte[]? value)
    {
        foundKey = null;
        value = null;
        var root = _root;
        if (root is null)
        {
            return false;
        }

        if (root.Kind == NodeKind.Hash)
        {
            _root = root = Load(root, default);
        }

        var target = new byte[2 * key.Length];
        Nibbles.FromBytes(key, target);
        var path = new List<byte>(target.Length + 16);
        if (forward)
        {
            if (!Successor(root, target, path, out value))
            {
                return false;
            }
        }
        else if (!Predecessor(root, target, path, out value))
        {
            return false;
        }

        foundKey = Nibbles.ToBytes(CollectionsMarshal.AsSpan(path));
        return true;
    }

    /// <summary>
    /// The smallest key below <paramref name="node"/> greater than <paramref name="target"/>, given that the path
    /// to the node (<paramref name="path"/>) equals the target's first nibbles.
    /// </summary>
    private bool Successor(TrieNode node, ReadOnlySpan<byte> target, List<byte> path, [NotNullWhen(true)] out byte[]? value)
    {
        var depth = path.Count;
        var rest = target[depth..];
        switch (node.Kind)
        {
            case NodeKind.Leaf:
                {
                    var leaf = Unsafe.As<LeafNode>(node);
                    if (leaf.Path.Span.SequenceCompareTo(rest) > 0)
                    {
                        path.AddRange(leaf.Path.Span);
                        value = leaf.Value.ToArray();
                        return true;
                    }

                    value = null;
                    return false;
                }

            case NodeKind.Extension:
                {
                    var extension = Unsafe.As<ExtensionNode>(node);
                    var segment = extension.Path.Span;
                    var shared = Math.Min(segment.Length, rest.Length);
                    var order = segment[..shared].SequenceCompareTo(rest[..shared]);
                    if (order < 0)
                    {
                        value = null;
                        return false;
                    }

                    path.AddRange(segment);
                    var child = ExtensionChild(extension, path);

                    // Past the target, or the target ends inside the segment: every key below is greater.
                    if (order > 0 || rest.Length < segment.Length)
                    {
                        return First(child, path, out value);
                    }

                    if (Successor(child, target, path, out value))
                    {
                        return true;
                    }

                    path.RemoveRange(depth, path.Count - depth);
                    return false;
                }

            default:
                {
                    var branch = Unsafe.As<BranchNode>(node);
                    var from = 0;
                    if (!rest.IsEmpty)
                    {
                        // The branch's own value is a prefix of the target, hence smaller.
                        var slot = rest[0];
                        if (branch.Children[slot] is not null)
                        {
                            path.Add(slot);
                            if (Successor(BranchChild(branch, slot, path), target, path, out value))
                            {
                                return true;
                            }

                            path.RemoveRange(depth, path.Count - depth);
                        }

                        from = slot + 1;
                    }

                    for (var i = from; i < 16; i++)
                    {
                        if (branch.Children[i] is not null)
                        {
                            path.Add((byte)i);
                            return First(BranchChild(branch, i, path), path, out value);
                        }
                    }

                    value = null;
                    return false;
                }
        }
    }

    /// <summary>
    /// The greatest key below <paramref name="node"/> less than <paramref name="target"/>, given that the path to
    /// the node equals the target's first nibbles.
    /// </summary>
    private bool Predecessor(TrieNode node, ReadOnlySpan<byte> target, List<byte> path, [NotNullWhen(true)] out byte[]? value)
    {
        var depth = path.Count;
        var rest = target[depth..];
        switch (node.Kind)
        {
            case NodeKind.Leaf:
                {
                    var leaf = Unsafe.As<LeafNode>(node);
                    if (leaf.Path.Span.SequenceCompareTo(rest) < 0)
                    {
                        path.AddRange(leaf.Path.Span);
                        value = leaf.Value.ToArray();
                        return true;
                    }

                    value = null;
                    return false;
                }

            case NodeKind.Extension:
                {
                    var extension = Unsafe.As<ExtensionNode>(node);
                    var segment = extension.Path.Span;
                    var shared = Math.Min(segment.Length, rest.Length);
                    var order = segment[..shared].SequenceCompareTo(rest[..shared]);

                    // Past the target, or the target is a prefix of every key below: none is smaller.
                    if (order > 0 || (order == 0 && rest.Length <= segment.Length))
                    {
                        value = null;
                        return false;
                    }

                    path.AddRange(segment);
                    var child = ExtensionChild(extension, path);
                    if (order < 0)
                    {
                        return Last(child, path, out value);
                    }

                    if (Predecessor(child, target, path, out value))
                    {
                        return true;
                    }

                    path.RemoveRange(depth, path.Count - depth);
                    return false;
                }

            default:
                {
                    var branch = Unsafe.As<BranchNode>(node);
                    if (rest.IsEmpty)
                    {
                        // The branch's value is the target itself and every child is longer, hence greater.
                        value = null;
                        return false;
                    }

                    var slot = rest[0];
                    if (branch.Children[slot] is not null)
                    {
                        path.Add(slot);
                        if (Predecessor(BranchChild(branch, slot, path), target, path, out value))
                        {
                            return true;
                        }

                        path.RemoveRange(depth, path.Count - depth);
                    }

                    for (var i = slot - 1; i >= 0; i--)
                    {
                        if (branch.Children[i] is not null)
                        {
                            path.Add((byte)i);
                            return Last(BranchChild(branch, i, path), path, out value);
                        }
                    }

                    value = (byte[]?)branch.Value?.Clone();
                    return value is not null;
                }
        }
    }

    /// <summary>The smallest key below <paramref name="node"/>: a branch's own value comes before its children.</summary>
    private bool First(TrieNode node, List<byte> path, [NotNullWhen(true)] out byte[]? value)
    {
        while (true)
        {
            switch (node.Kind)
            {
                case NodeKind.Leaf:
                    var leaf = Unsafe.As<LeafNode>(node);
                    path.AddRange(leaf.Path.Span);
                    value = leaf.Value.ToArray();
                    return true;
                case NodeKind.Extension:
                    var extension = Unsafe.As<ExtensionNode>(node);
                    path.AddRange(extension.Path.Span);
                    node = ExtensionChild(extension, path);
                    break;
                default:
                    var branch = Unsafe.As<BranchNode>(node);
                    if (branch.Value is not null)
                    {
                        value = (byte[])branch.Value.Clone();
                        return true;
                    }

                    var slot = 0;
                    while (branch.Children[slot] is null)
                    {
                        slot++;
                    }

                    path.Add((byte)slot);
                    node = BranchChild(branch, slot, path);
                    break;
            }
        }
    }

    /// <summary>The greatest key below <paramref name="node"/>: the last child's, or the branch's own value when it has no children.</summary>
    private bool Last(TrieNode node, List<byte> path, [NotNullWhen(true)] out byte[]? value)
    {
        while (true)
        {
            switch (node.Kind)
            {
                case NodeKind.Leaf:
                    var leaf = Unsafe.As<LeafNode>(node);
                    path.AddRange(leaf.Path.Span);
                    value = leaf.Value.ToArray();
                    return true;
                case NodeKind.Extension:
                    var extension = Unsafe.As<ExtensionNode>(node);
                    path.AddRange(extension.Path.Span);
                    node = ExtensionChild(extension, path);
                    break;
                default:
                    var branch = Unsafe.As<BranchNode>(node);
                    var slot = 15;
                    while (slot >= 0 && branch.Children[slot] is null)
                    {
                        slot--;
                    }

                    if (slot < 0)
                    {
                        value = (byte[])branch.Value!.Clone();
                        return true;
                    }

                    path.Add((byte)slot);
                    node = BranchChild(branch, slot, path);
                    break;
            }
        }
    }

    private TrieNode ExtensionChild(ExtensionNode extension, List<byte> path)
    {
        var child = extension.Child;
        if (child.Kind == NodeKind.Hash)
        {
            extension.Child = child = Load(child, CollectionsMarshal.AsSpan(path));
        }

        return child;
    }

    private TrieNode BranchChild(BranchNode branch, int slot, List<byte> path)
    {
        var child = branch.Children[slot]!;
        if (child.Kind == NodeKind.Hash)
        {
            branch.Children[slot] = child = Load(child, CollectionsMarshal.AsSpan(path));
        }

        return child;
    }
}
