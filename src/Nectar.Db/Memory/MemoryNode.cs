namespace Nectar.Db.Memory;

/// <summary>
/// A node of an immutable AVL tree ordered by byte-wise key. Nodes are never changed after construction,
/// so a root reference is a complete, consistent version of a column that readers, cursors and snapshots
/// hold without locks while writers build new versions that share the untouched subtrees.
/// </summary>
internal sealed class MemoryNode(byte[] key, byte[] value, MemoryNode? left, MemoryNode? right)
{
    public readonly byte[] Key = key;
    public readonly byte[] Value = value;
    public readonly MemoryNode? Left = left;
    public readonly MemoryNode? Right = right;
    public readonly int Height = 1 + Math.Max(HeightOf(left), HeightOf(right));

    public static int HeightOf(MemoryNode? node) => node is null ? 0 : node.Height;
}
