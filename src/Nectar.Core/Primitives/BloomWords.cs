using System.Runtime.CompilerServices;

namespace Nectar.Core.Primitives;

/// <summary>Inline storage for the 2048 bits of a <see cref="Bloom"/>, as 32 words so merging is word-wide.</summary>
[InlineArray(Bloom.Length / sizeof(ulong))]
internal struct BloomWords
{
    private ulong _word0;
}
