using System.Runtime.CompilerServices;

namespace Nectar.Trie.Nodes;

/// <summary>The sixteen child references of a branch under construction, held inline.</summary>
[InlineArray(16)]
internal struct NodeReferences16
{
    private NodeReference _element0;
}
