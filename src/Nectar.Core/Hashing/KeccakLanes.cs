using System.Runtime.CompilerServices;

namespace Nectar.Core.Hashing;

/// <summary>Inline storage for the 25 lanes of a Keccak-f[1600] state, so a hasher needs no heap.</summary>
[InlineArray(KeccakF1600.Lanes)]
internal struct KeccakLanes
{
    private ulong _lane0;
}
