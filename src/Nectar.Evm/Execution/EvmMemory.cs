using System.Runtime.CompilerServices;
using Nectar.Core.Numerics;

namespace Nectar.Evm.Execution;

/// <summary>
/// The byte-addressed memory of one call frame. The buffer is kept when the frame object is reused, so only
/// growth beyond the largest memory seen at that depth allocates; bytes exposed by an expansion are cleared then.
/// </summary>
internal sealed class EvmMemory
{
    /// <summary>
    /// The largest memory a frame may reach (just under 2 GiB, the largest array). Expanding to it costs about
    /// 8.8 * 10^12 gas, far more than any block carries, so the cap never changes an outcome: beyond it the
    /// expansion is out of gas.
    /// </summary>
    public const ulong MaxSize = 0x7FFF_0000;

    private byte[] _buffer = new byte[1024];

    /// <summary>The size in bytes, always a multiple of 32.</summary>
    public ulong Size { get; private set; }

    /// <summary>The backing array; valid up to <see cref="Size"/>.</summary>
    public byte[] Buffer => _buffer;

    public void Reset() => Size = 0;

    public Span<byte> Slice(ulong offset, ulong length) => _buffer.AsSpan((int)offset, (int)length);

    public ReadOnlyMemory<byte> SliceMemory(ulong offset, ulong length) => _buffer.AsMemory((int)offset, (int)length);

    /// <summary>
    /// Charges the expansion needed to make [offset, offset + length) addressable and grows the memory. A zero
    /// length needs no memory whatever the offset.
    /// </summary>
    /// <returns><see langword="false"/> when out of gas (the range may be absurdly large).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryExpand(in UInt256 offset, in UInt256 length, ref long gas)
    {
        if (length.IsZero)
        {
            return true;
        }

        if ((offset.U1 | offset.U2 | offset.U3 | length.U1 | length.U2 | length.U3) != 0)
        {
            return false;
        }

        return TryExpand(offset.U0, length.U0, ref gas);
    }

    /// <inheritdoc cref="TryExpand(in UInt256, in UInt256, ref long)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryExpand(ulong offset, ulong length, ref long gas)
    {
        if (length == 0)
        {
            return true;
        }

        var end = offset + length;
        if (end <= Size && end >= offset)
        {
            return true;
        }

        return TryGrow(offset, length, ref gas);
    }

    /// <summary>The gas of memory of <paramref name="words"/> 32-byte words: 3 per word plus words squared over 512.</summary>
    public static long Cost(ulong words) => (long)((words * 3) + (words * words / 512));

    private bool TryGrow(ulong offset, ulong length, ref long gas)
    {
        if (offset > MaxSize || length > MaxSize)
        {
            return false;
        }

        var end = offset + length;
        if (end > MaxSize)
        {
            return false;
        }

        var newWords = (end + 31) / 32;
        var oldWords = Size / 32;
        var cost = Cost(newWords) - Cost(oldWords);
        gas -= cost;
        if (gas < 0)
        {
            return false;
        }

        var newSize = newWords * 32;
        if (newSize > (ulong)_buffer.Length)
        {
            var capacity = Math.Max((ulong)_buffer.Length * 2, newSize);
            var grown = new byte[(int)Math.Min(capacity, (ulong)Array.MaxLength)];
            _buffer.AsSpan(0, (int)Size).CopyTo(grown);
            _buffer = grown;
        }
        else
        {
            // A reused buffer holds bytes from an earlier frame at this depth.
            _buffer.AsSpan((int)Size, (int)(newSize - Size)).Clear();
        }

        Size = newSize;
        return true;
    }
}
