namespace Nectar.Db.Memory;

/// <summary>
/// Persistent AVL operations: each update copies the O(log n) nodes on the path to the changed key and
/// returns a new root, leaving every older root intact.
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

    /// <summary>Returns a root holding <paramref name="value"/> under <paramref name="key"/>; the value array is taken over, the key is copied when new.</summary>
    public static MemoryNode Set(MemoryNode? node, ReadOnlySpan<byte> key, byte[] value)
    {
        if (node is null)
        {
            return new MemoryNode(key.ToArray(), value, null, null);
        }

        var order = key.SequenceCompareTo(node.Key);
        if (order == 0)
        {
            return new MemoryNode(node.Key, value, node.Left, node.Right);
        }

        return order < 0
            ? Balance(node.Key, node.Value, Set(node.Left, key, value), node.Right)
            : Balance(node.Key, node.Value, node.Left, Set(node.Right, key, value));
    }

    /// <summary>Returns a root without <paramref name="key"/>; the same root when the key is missing.</summary>
    public static MemoryNode? Remove(MemoryNode? node, ReadOnlySpan<byte> key)
    {
        if (node is null)
        {
            return null;
        }

        var order = key.SequenceCompareTo(node.Key);
        if (order < 0)
        {
            var left = Remove(node.Left, key);
            return ReferenceEquals(left, node.Left) ? node : Balance(node.Key, node.Value, left, node.Right);
        }

        if (order > 0)
        {
            var right = Remove(node.Right, key);
            return ReferenceEquals(right, node.Right) ? node : Balance(node.Key, node.Value, node.Left, right);
        }

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

        return Balance(successor.Key, successor.Value, node.Left, RemoveMin(node.Right));
    }

    private static MemoryNode? RemoveMin(MemoryNode node) =>
        node.Left is null ? node.Right : Balance(node.Key, node.Value, RemoveMin(node.Left), node.Right);

    /// <summary>Builds a node from subtrees whose heights differ by at most two, rotating to restore the AVL balance.</summary>
    private static MemoryNode Balance(byte[] key, byte[] value, MemoryNode? left, MemoryNode? right)
    {
        var leftHeight = MemoryNode.HeightOf(left);
        var rightHeight = MemoryNode.HeightOf(right);
        if (leftHeight > rightHeight + 1)
        {
            var l = left!;
            if (MemoryNode.HeightOf(l.Left) >= MemoryNode.HeightOf(l.Right))
            {
                return new MemoryNode(l.Key, l.Value, l.Left, new MemoryNode(key, value, l.Right, right));
            }

            var lr = l.Right!;
            return new MemoryNode(
                lr.Key,
                lr.Value,
                new MemoryNode(l.Key, l.Value, l.Left, lr.Left),
                new MemoryNode(key, value, lr.Right, right));
        }

        if (rightHeight > leftHeight + 1)
        {
            var r = right!;
            if (MemoryNode.HeightOf(r.Right) >= MemoryNode.HeightOf(r.Left))
            {
                return new MemoryNode(r.Key, r.Value, new MemoryNode(key, value, left, r.Left), r.Right);
            }

            var rl = r.Left!;
            return new MemoryNode(
                rl.Key,
                rl.Value,
                new MemoryNode(key, value, left, rl.Left),
                new MemoryNode(r.Key, r.Value, rl.Right, r.Right));
        }

        return new MemoryNode(key, value, left, right);
    }
}
