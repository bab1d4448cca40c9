namespace Nectar.Db.Memory;

/// <summary>
/// A node of a persistent AVL tree ordered by byte-wise key. A node is immutable once a root that
/// reaches it is published, so a published root is a complete, consistent version of a column that
/// readers, cursors and snapshots hold without locks while writers build new versions sharing the
/// untouched subtrees. While a commit is being built, the nodes it created itself carry its owner token
/// and may be changed in place: nobody else can see them yet, and a batch then copies each path once
/// instead of once per write.
/// </summary>
internal sealed class MemoryNode(byte[] key, byte[] value, MemoryNode? left, MemoryNode? right, object owner)
{
    public byte[] Key = key;
    public byte[] Value = value;
    public MemoryNode? Left = left;
    public MemoryNode? Right = right;
    public int Height = 1 + Math.Max(HeightOf(left), HeightOf(right));

    /// <summary>The commit that created the node; only that commit, before publishing, may change it.</summary>
    public readonly object Owner = owner;

    public static int HeightOf(MemoryNode? node) => node is null ? 0 : node.Height;
}
