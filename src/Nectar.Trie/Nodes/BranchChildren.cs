using System.Runtime.CompilerServices;

namespace Nectar.Trie.Nodes;

/// <summary>The sixteen children of a branch, held inline in the node so a branch is one allocation.</summary>
[InlineArray(16)]
internal struct BranchChildren
{
    private TrieNode? _element0;
}
