using System.Runtime.CompilerServices;

namespace Nectar.Trie.Nodes;

/// <summary>Thirty-two bytes held inline: a node hash or the encoding of a node shorter than a hash.</summary>
[InlineArray(Length)]
internal struct Bytes32
{
    public const int Length = 32;

    private byte _element0;
}
