namespace Nectar.Trie.Nodes;

/// <summary>The shape of a trie node, kept in a field so dispatch is a byte compare rather than a type test.</summary>
internal enum NodeKind : byte
{
    /// <summary>A node known only by its hash; its body is in the store.</summary>
    Hash = 0,

    /// <summary>The rest of a key's path and its value.</summary>
    Leaf = 1,

    /// <summary>A shared path segment leading to one branch.</summary>
    Extension = 2,

    /// <summary>Sixteen children, one per nibble, and the value of a key ending here.</summary>
    Branch = 3,
}
