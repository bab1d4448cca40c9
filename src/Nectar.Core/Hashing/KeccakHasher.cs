using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nectar.Core.Primitives;

namespace Nectar.Core.Hashing;

/// <summary>
/// Incremental Keccak-256: feed input in pieces with <see cref="Update"/>, then take the digest with
/// <see cref="Final()"/>. The whole state lives inside the struct, so hashing allocates nothing.
/// </summary>
/// <remarks>
/// <c>default(KeccakHasher)</c> is a ready hasher over the empty input. The struct is mutable and large
/// (about 340 bytes): keep it in a local or a field and pass it by <c>ref</c>; a copy hashes independently.
/// <see cref="Final()"/> resets the hasher, so the same instance can hash the next message.
/// </remarks>
[SkipLocalsInit]
public struct KeccakHasher
{
    private KeccakLanes _lanes;
    private KeccakBlockBuffer _pending;
    private int _pendingLength;

    /// <summary>Absorbs <paramref name="data"/> after everything fed so far.</summary>
    /// <param name="data">The next piece of input.</param>
    public void Update(ReadOnlySpan<byte> data)
    {
        ref var lanes = ref _lanes[0];
        Span<byte> pending = _pending;

        if (_pendingLength > 0)
        {
            var take = Math.Min(Keccak256.Rate - _pendingLength, data.Length);
            data[..take].CopyTo(pending[_pendingLength..]);
            _pendingLength += take;
            data = data[take..];
            if (_pendingLength < Keccak256.Rate)
            {
                return;
            }

            Keccak256.AbsorbBlock(ref lanes, ref MemoryMarshal.GetReference(pending));
            KeccakF1600.Permute(ref lanes);
            _pendingLength = 0;
        }

        while (data.Length >= Keccak256.Rate)
        {
            Keccak256.AbsorbBlock(ref lanes, ref MemoryMarshal.GetReference(data));
            KeccakF1600.Permute(ref lanes);
            data = data[Keccak256.Rate..];
        }

        data.CopyTo(pending);
        _pendingLength = data.Length;
    }

    /// <summary>Pads, writes the digest of all input fed so far, and resets the hasher.</summary>
    /// <param name="output">Receives the digest in its first 32 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than 32 bytes.</exception>
    public void Final(Span<byte> output)
    {
        if (output.Length < Keccak256.HashLength)
        {
            Keccak256.ThrowOutputTooShort(nameof(output));
        }

        Span<ulong> lanes = Finish();
        Keccak256.Squeeze(lanes, output);
        Reset();
    }

    /// <summary>Pads, returns the digest of all input fed so far, and resets the hasher.</summary>
    /// <returns>The Keccak-256 digest.</returns>
    public Hash256 Final()
    {
        Span<ulong> lanes = Finish();
        var digest = Hash256.FromLittleEndianLanes(lanes[0], lanes[1], lanes[2], lanes[3]);
        Reset();
        return digest;
    }

    /// <summary>Discards all input fed so far.</summary>
    public void Reset()
    {
        ((Span<ulong>)_lanes).Clear();
        _pendingLength = 0;
    }

    [UnscopedRef]
    private Span<ulong> Finish()
    {
        ref var lanes = ref _lanes[0];
        Keccak256.AbsorbFinal(ref lanes, ref _pending[0], _pendingLength);
        KeccakF1600.Permute(ref lanes);
        return _lanes;
    }
}
