using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nectar.Crypto;

/// <summary>
/// The BLAKE2b compression function F with a caller-chosen number of rounds (RFC 7693 section 3.2,
/// EIP-152), behind precompile 0x09.
/// </summary>
/// <remarks>
/// The round count comes from untrusted input and may be as large as 2^32 - 1, so each round is a tight
/// loop body over registers: no allocation, no per-round bounds checks, and 256-bit vectors where the
/// hardware has them.
/// </remarks>
[SkipLocalsInit]
public static partial class Blake2F
{
    /// <summary>Exact length of the precompile input: rounds (4), h (64), m (128), t (16), f (1).</summary>
    public const int InputLength = 213;

    /// <summary>Length of the output: the new state vector h, 8 little-endian 64-bit words.</summary>
    public const int OutputLength = 64;

    /// <summary>The error for an input that is not exactly <see cref="InputLength"/> bytes.</summary>
    public const string InvalidLengthError = "input length for BLAKE2 F precompile should be exactly 213 bytes";

    /// <summary>The error for a final-block flag other than 0 or 1.</summary>
    public const string InvalidFinalFlagError = "incorrect final block indicator flag";

    private const int StateWords = 8;
    private const int MessageWords = 16;

    /// <summary>
    /// Parses an EIP-152 input (big-endian rounds, little-endian h, m, t0, t1, then the final flag) and
    /// runs F on it.
    /// </summary>
    /// <param name="input213">The precompile input; any length other than 213 is an error.</param>
    /// <param name="output64">Receives the new state vector, little-endian, when the input is valid.</param>
    /// <param name="error">The reason when the input is invalid; otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the input was valid and the output written.</returns>
    /// <exception cref="ArgumentException"><paramref name="output64"/> is shorter than 64 bytes.</exception>
    public static bool TryRun(ReadOnlySpan<byte> input213, Span<byte> output64, out string? error)
    {
        if (output64.Length < OutputLength)
        {
            throw new ArgumentException("The output must hold 64 bytes.", nameof(output64));
        }

        if (input213.Length != InputLength)
        {
            error = InvalidLengthError;
            return false;
        }

        var flag = input213[InputLength - 1];
        if (flag > 1)
        {
            error = InvalidFinalFlagError;
            return false;
        }

        var rounds = BinaryPrimitives.ReadUInt32BigEndian(input213);
        Span<ulong> state = stackalloc ulong[StateWords];
        Span<ulong> message = stackalloc ulong[MessageWords];
        ReadLittleEndian(input213.Slice(4, StateWords * 8), state);
        ReadLittleEndian(input213.Slice(4 + (StateWords * 8), MessageWords * 8), message);
        var t0 = BinaryPrimitives.ReadUInt64LittleEndian(input213.Slice(196, 8));
        var t1 = BinaryPrimitives.ReadUInt64LittleEndian(input213.Slice(204, 8));

        Compress(rounds, state, message, t0, t1, flag == 1);

        for (var i = 0; i < StateWords; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output64.Slice(i * 8, 8), state[i]);
        }

        error = null;
        return true;
    }

    /// <summary>Runs F in place on the state vector.</summary>
    /// <param name="rounds">The number of rounds (12 for standard BLAKE2b).</param>
    /// <param name="state8">The state vector h, 8 words; overwritten with the result.</param>
    /// <param name="message16">The message block m, 16 words.</param>
    /// <param name="t0">The low word of the offset counter.</param>
    /// <param name="t1">The high word of the offset counter.</param>
    /// <param name="finalBlock">The final block indicator f.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public static void Compress(uint rounds, Span<ulong> state8, ReadOnlySpan<ulong> message16, ulong t0, ulong t1, bool finalBlock)
    {
        if (state8.Length != StateWords)
        {
            throw new ArgumentException("The state must be 8 words.", nameof(state8));
        }

        if (message16.Length != MessageWords)
        {
            throw new ArgumentException("The message block must be 16 words.", nameof(message16));
        }

        if (Vector256.IsHardwareAccelerated)
        {
            CompressVector(rounds, ref MemoryMarshal.GetReference(state8), ref MemoryMarshal.GetReference(message16), t0, t1, finalBlock);
        }
        else
        {
            CompressScalar(rounds, ref MemoryMarshal.GetReference(state8), ref MemoryMarshal.GetReference(message16), t0, t1, finalBlock);
        }
    }

    private static void ReadLittleEndian(ReadOnlySpan<byte> source, Span<ulong> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = BinaryPrimitives.ReadUInt64LittleEndian(source.Slice(i * 8, 8));
        }
    }
}
