namespace Nectar.Db.Memory;

/// <summary>
/// Persistent AVL operations. Each update copies the O(log n) nodes on the path to the changed key and
/// returns a new root, leaving every published root intact; nodes created under the same
/// <c>owner</c> token (one commit) are reused in place instead of being copied again.
/// </summary>
internal static class MemoryTree
{
    public static MemoryNode? Find(MemoryNode? node, ReadOnlySpan<byte> key)
    {
        while (node is not null)
        {
            var order = key.SequenceCompareTo(node.Key);
            if (order == 0)
            {
                return node;
            }

            node = order < 0 ? node.Left : node.Right;
        }

        return null;
    }

    /// <summary>Returns a root holding <paramref name="value"/> under <paramref name="key"/>; both arrays are taken over.</summary>
    public static MemoryNode Set(MemoryNode? node, byte[] key, byte[] value, object owner)
    {
        if (node is null)
        {
            return new MemoryNode(key, value, null, null, owner);
        }

        var order = key.AsSpan().SequenceCompareTo(node.Key);
        if (order == 0)
        {
            return Make(node, node.Key, value, node.Left, node.Right, owner);
        }

        return order < 0
            ? Balance(node, node.Key, node.Value, Set(node.Left, key, value, owner), node.Right, owner)
            : Balance(node, node.Key, node.Value, node.Left, Set(node.Right, key, value, owner), owner);
    }

    /// <summary>Returns a root without <paramref name="key"/>; the same root when the key is missing.</summary>
    public static MemoryNode? Remove(MemoryNode? node, ReadOnlySpan<byte> key, object owner)
    {
        var removed = false;
        return Remove(node, key, owner, ref removed);
    }

    private static MemoryNode? Remove(MemoryNode? node, ReadOnlySpan<byte> key, object owner, ref bool removed)
    {
        if (node is null)
        {
            return null;
        }

        // A child may come back as the same, owned node changed in place, so "same reference" does not
        // mean "unchanged": the removed flag decides whether the path is rebuilt.
        var order = key.SequenceCompareTo(node.Key);
        if (order < 0)
        {
            var left = Remove(node.Left, key, owner, ref removed);
            return removed ? Balance(node, node.Key, node.Value, left, node.Right, owner) : node;
        }

        if (order > 0)
        {
            var right = Remove(node.Right, key, owner, ref removed);
            return removed ? Balance(node, node.Key, node.Value, node.Left, right, owner) : node;
        }

        removed = true;
        if (node.Left is null)
        {
            return node.Right;
        }

        if (node.Right is null)
        {
            return node.Left;
        }

        var successor = node.Right;
        while (successor.Left is not null)
        {
            successor = successor.Left;
        }

        return Balance(node, successor.Key, successor.Value, node.Left, RemoveMin(node.Right, owner), owner);
    }

    private static MemoryNode? RemoveMin(MemoryNode node, object owner) =>
        node.Left is null ? node.Right : Balance(node, node.Key, node.Value, RemoveMin(node.Left, owner), node.Right, owner);

    /// <summary>
    /// Builds the node for (<paramref name="key"/>, <paramref name="value"/>) over subtrees whose heights
    /// differ by at most two, rotating to restore the AVL balance. <paramref name="reuse"/> is the node
    /// being replaced; it and the rotated child are changed in place when this commit owns them.
    /// </summary>
    private static MemoryNode Balance(MemoryNode reuse, byte[] key, byte[] value, MemoryNode? left, MemoryNode? right, object owner)
    {
        var leftHeight = MemoryNode.HeightOf(left);
        var rightHeight = MemoryNode.HeightOf(right);
        if (leftHeight > rightHeight + 1)
        {
            var l = left!;
            if (MemoryNode.HeightOf(l.Left) >= MemoryNode.HeightOf(l.Right))
            {
                var lower = Make(reuse, key, value, l.Right, right, owner);
                return Make(l, l.Key, l.Value, l.Left, lower, owner);
            }

            var lr = l.Right!;
            var newLeft = Make(l, l.Key, l.Value, l.Left, lr.Left, owner);
            var newRight = Make(reuse, key, value, lr.Right, right, owner);
            return Make(lr, lr.Key, lr.Value, newLeft, newRight, owner);
        }

        if (rightHeight > leftHeight + 1)
        {
            var r = right!;
            if (MemoryNode.HeightOf(r.Right) >= MemoryNode.HeightOf(r.Left))
            {
                var lower = Make(reuse, key, value, left, r.Left, owner);
                return Make(r, r.Key, r.Value, lower, r.Right, owner);
            }

            var rl = r.Left!;
            var newLeft = Make(reuse, key, value, left, rl.Left, owner);
            var newRight = Make(r, r.Key, r.Value, rl.Right, r.Right, owner);
            return Make(rl, rl.Key, rl.Value, newLeft, newRight, owner);
        }

        return Make(reuse, key, value, left, right, owner);
    }

    /// <summary>Changes <paramref name="reuse"/> in place when this commit created it, else makes a new node.</summary>
    private static MemoryNode Make(MemoryNode reuse, byte[] key, byte[] value, MemoryNode? left, MemoryNode? right, object owner)
    {
        if (!ReferenceEquals(reuse.Owner, owner))
        {
            return new MemoryNode(key, value, left, right, owner);
        }

        reuse.Key = key;
        reuse.Value = value;
        reuse.Left = left;
        reuse.Right = right;
        reuse.Height = 1 + Math.Max(MemoryNode.HeightOf(left), MemoryNode.HeightOf(right));
        return reuse;
    }
}
