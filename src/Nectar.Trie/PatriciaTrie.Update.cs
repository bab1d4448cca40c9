using System.Runtime.CompilerServices;
using Nectar.Trie.Nodes;

namespace Nectar.Trie;

/// <summary>Insertion and removal: in place on the key's path, marking exactly the changed nodes dirty.</summary>
public sealed partial class PatriciaTrie
{
    private int _changesSinceHash;

    /// <summary>Puts <paramref name="value"/> under <paramref name="path"/> in the subtree <paramref name="node"/>.</summary>
    /// <returns>The node to keep in place of <paramref name="node"/> (the same object when it could be updated in place).</returns>
    private TrieNode Insert(TrieNode? node, ReadOnlySpan<byte> path, int position, ReadOnlySpan<byte> value, ref bool changed)
    {
        if (node is null)
        {
            changed = true;
            return LeafNode.Create(path[position..], value);
        }

        if (node.Kind == NodeKind.Hash)
        {
            node = Load(node, path[..position]);
        }

        var rest = path[position..];
        switch (node.Kind)
        {
            case NodeKind.Leaf:
                {
                    var leaf = Unsafe.As<LeafNode>(node);
                    var leafPath = leaf.Path;
                    var existing = leafPath.Span;
                    var common = existing.CommonPrefixLength(rest);
                    if (common == existing.Length && common == rest.Length)
                    {
                        // Writing the value a key already has changes nothing, so the hashes stay valid.
                        if (leaf.Value.SequenceEqual(value))
                        {
                            return leaf;
                        }

                        leaf.SetValue(value);
                        leaf.MarkDirty();
                        changed = true;
                        return leaf;
                    }

                    changed = true;
                    var branch = new BranchNode();
                    if (common == existing.Length)
                    {
                        branch.Value = leaf.ValueArray();
                    }
                    else
                    {
                        var slot = existing[common];
                        leaf.Path = leafPath.Slice(common + 1);
                        leaf.MarkDirty();
                        branch.Children[slot] = leaf;
                    }

                    PlaceNewValue(branch, rest, common, value);
                    return common == 0 ? branch : new ExtensionNode(leafPath.Slice(0, common), branch);
                }

            case NodeKind.Extension:
                {
                    var extension = Unsafe.As<ExtensionNode>(node);
                    var extensionPath = extension.Path;
                    var segment = extensionPath.Span;
                    var common = segment.CommonPrefixLength(rest);
                    if (common == segment.Length)
                    {
                        extension.Child = Insert(extension.Child, path, position + common, value, ref changed);
                        if (changed)
                        {
                            extension.MarkDirty();
                        }

                        return extension;
                    }

                    changed = true;
                    var branch = new BranchNode();
                    var slot = segment[common];
                    if (common + 1 == segment.Length)
                    {
                        branch.Children[slot] = extension.Child;
                    }
                    else
                    {
                        extension.Path = extensionPath.Slice(common + 1);
                        extension.MarkDirty();
                        branch.Children[slot] = extension;
                    }

                    PlaceNewValue(branch, rest, common, value);
                    return common == 0 ? branch : new ExtensionNode(extensionPath.Slice(0, common), branch);
                }

            default:
                {
                    var branch = Unsafe.As<BranchNode>(node);
                    if (rest.IsEmpty)
                    {
                        if (branch.Value is not null && branch.Value.AsSpan().SequenceEqual(value))
                        {
                            return branch;
                        }

                        branch.Value = value.ToArray();
                        branch.MarkDirty();
                        changed = true;
                        return branch;
                    }

                    var slot = rest[0];
                    branch.Children[slot] = Insert(branch.Children[slot], path, position + 1, value, ref changed);
                    if (changed)
                    {
                        branch.MarkDirty();
                    }

                    return branch;
                }
        }
    }

    /// <summary>Puts a new key's value into a branch created where it parts from an existing path.</summary>
    private static void PlaceNewValue(BranchNode branch, ReadOnlySpan<byte> rest, int common, ReadOnlySpan<byte> value)
    {
        if (common == rest.Length)
        {
            branch.Value = value.ToArray();
        }
        else
        {
            branch.Children[rest[common]] = LeafNode.Create(rest[(common + 1)..], value);
        }
    }

    /// <summary>Removes <paramref name="path"/> from the subtree <paramref name="node"/>, restoring the canonical shape.</summary>
    /// <returns>The node to keep in place of <paramref name="node"/>, or <see langword="null"/> when the subtree became empty.</returns>
    private TrieNode? Remove(TrieNode? node, ReadOnlySpan<byte> path, int position, ref bool changed)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind == NodeKind.Hash)
        {
            node = Load(node, path[..position]);
        }

        var rest = path[position..];
        switch (node.Kind)
        {
            case NodeKind.Leaf:
                if (!Unsafe.As<LeafNode>(node).Path.Span.SequenceEqual(rest))
                {
                    return node;
                }

                changed = true;
                return null;

            case NodeKind.Extension:
                {
                    var extension = Unsafe.As<ExtensionNode>(node);
                    var segment = extension.Path.Span;
                    if (!rest.StartsWith(segment))
                    {
                        return extension;
                    }

                    var child = Remove(extension.Child, path, position + segment.Length, ref changed);
                    if (!changed)
                    {
                        extension.Child = child!;
                        return extension;
                    }

                    return MergeExtension(extension, child);
                }

            default:
                {
                    var branch = Unsafe.As<BranchNode>(node);
                    if (rest.IsEmpty)
                    {
                        if (branch.Value is null)
                        {
                            return branch;
                        }

                        branch.Value = null;
                        changed = true;
                    }
                    else
                    {
                        var slot = rest[0];
                        branch.Children[slot] = Remove(branch.Children[slot], path, position + 1, ref changed);
                        if (!changed)
                        {
                            return branch;
                        }
                    }

                    branch.MarkDirty();
                    return Collapse(branch, path[..position]);
                }
        }
    }

    /// <summary>Rejoins an extension with what is left below it after a removal.</summary>
    private static TrieNode? MergeExtension(ExtensionNode extension, TrieNode? child)
    {
        switch (child?.Kind)
        {
            case null:
                return null;
            case NodeKind.Leaf:
                var leaf = Unsafe.As<LeafNode>(child);
                leaf.Path = NibblePath.Concat(extension.Path.Span, leaf.Path.Span);
                leaf.MarkDirty();
                return leaf;
            case NodeKind.Extension:
                var inner = Unsafe.As<ExtensionNode>(child);
                inner.Path = NibblePath.Concat(extension.Path.Span, inner.Path.Span);
                inner.MarkDirty();
                return inner;
            default:
                extension.Child = child;
                extension.MarkDirty();
                return extension;
        }
    }

    /// <summary>Replaces a branch left with a single entry by the equivalent leaf or extension.</summary>
    private TrieNode? Collapse(BranchNode branch, ReadOnlySpan<byte> pathToBranch)
    {
        var count = branch.Value is null ? 0 : 1;
        var last = -1;
        for (var i = 0; i < 16; i++)
        {
            if (branch.Children[i] is not null)
            {
                count++;
                last = i;
            }
        }

        if (count >= 2)
        {
            return branch;
        }

        if (count == 0)
        {
            return null;
        }

        if (branch.Value is not null)
        {
            return new LeafNode(default, branch.Value);
        }

        // The sole remaining child must be loaded even when it is only a hash: its path absorbs the branch's nibble.
        var only = branch.Children[last]!;
        if (only.Kind == NodeKind.Hash)
        {
            only = Load(only, NibblePath.Concat(pathToBranch, NibblePath.Single(last).Span).Span);
        }

        switch (only.Kind)
        {
            case NodeKind.Leaf:
                var leaf = Unsafe.As<LeafNode>(only);
                leaf.Path = NibblePath.Concat(NibblePath.Single(last).Span, leaf.Path.Span);
                leaf.MarkDirty();
                return leaf;
            case NodeKind.Extension:
                var extension = Unsafe.As<ExtensionNode>(only);
                extension.Path = NibblePath.Concat(NibblePath.Single(last).Span, extension.Path.Span);
                extension.MarkDirty();
                return extension;
            default:
                return new ExtensionNode(NibblePath.Single(last), only);
        }
    }
}
