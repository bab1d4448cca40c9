using System.Runtime.CompilerServices;

namespace Nectar.Core.Hashing;

/// <summary>Inline storage for one partial input block (the 136-byte rate of Keccak-256).</summary>
[InlineArray(Keccak256.Rate)]
internal struct KeccakBlockBuffer
{
    private byte _byte0;
}
