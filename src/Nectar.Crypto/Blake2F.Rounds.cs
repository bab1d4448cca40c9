using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Nectar.Crypto;

public static partial class Blake2F
{
    private const ulong Iv0 = 0x6A09E667F3BCC908;
    private const ulong Iv1 = 0xBB67AE8584CAA73B;
    private const ulong Iv2 = 0x3C6EF372FE94F82B;
    private const ulong Iv3 = 0xA54FF53A5F1D36F1;
    private const ulong Iv4 = 0x510E527FADE682D1;
    private const ulong Iv5 = 0x9B05688C2B3E6C1F;
    private const ulong Iv6 = 0x1F83D9ABFB41BD6B;
    private const ulong Iv7 = 0x5BE0CD19137E2179;

    private const int SigmaRows = 10;

    /// <summary>
    /// The message schedule, one row of 16 word indices per round; it repeats every ten rounds, so round
    /// r uses row r mod 10 (BLAKE2b's own rounds 10 and 11 are rows 0 and 1).
    /// </summary>
    private static ReadOnlySpan<byte> Sigma =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    ];

    /// <summary>
    /// F with the sixteen working words held as four 256-bit rows: the column step works on the rows as
    /// they are, the diagonal step after rotating rows b, c and d by one, two and three lanes.
    /// </summary>
    /// <remarks>
    /// The message schedule repeats every ten rounds, so the ten permutations of the message are laid out
    /// once, as four vectors per round, before the loop; each round then loads its words with four aligned
    /// reads instead of gathering sixteen.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void CompressVector(uint rounds, ref ulong state, ref readonly ulong message, ulong t0, ulong t1, bool finalBlock)
    {
        var schedule = default(MessageSchedule);
        ref var sigma = ref MemoryMarshal.GetReference(Sigma);
        ref var m = ref Unsafe.AsRef(in message);
        for (nuint row = 0; row < SigmaRows; row++)
        {
            ref var s = ref Unsafe.Add(ref sigma, row * 16);
            ref var words = ref Unsafe.As<Vector256<ulong>, ulong>(ref schedule[(int)(row * 4)]);
            for (nuint lane = 0; lane < 4; lane++)
            {
                Unsafe.Add(ref words, lane) = Word(ref m, ref s, 2 * lane);
                Unsafe.Add(ref words, 4 + lane) = Word(ref m, ref s, (2 * lane) + 1);
                Unsafe.Add(ref words, 8 + lane) = Word(ref m, ref s, 8 + (2 * lane));
                Unsafe.Add(ref words, 12 + lane) = Word(ref m, ref s, 9 + (2 * lane));
            }
        }

        var a = Vector256.LoadUnsafe(ref state);
        var b = Vector256.LoadUnsafe(ref state, 4);
        var c = Vector256.Create(Iv0, Iv1, Iv2, Iv3);
        var d = Vector256.Create(Iv4 ^ t0, Iv5 ^ t1, finalBlock ? ~Iv6 : Iv6, Iv7);
        var aIn = a;
        var bIn = b;

        ref var first = ref schedule[0];
        nuint offset = 0;
        for (var round = 0u; round < rounds; round++)
        {
            // Columns.
            a = (a + Unsafe.Add(ref first, offset)) + b;
            d = RotateRight32(d ^ a);
            c += d;
            b = RotateRight24(b ^ c);
            a = (a + Unsafe.Add(ref first, offset + 1)) + b;
            d = RotateRight16(d ^ a);
            c += d;
            b = RotateRight63(b ^ c);

            b = Vector256.Shuffle(b, Vector256.Create(1ul, 2, 3, 0));
            c = Vector256.Shuffle(c, Vector256.Create(2ul, 3, 0, 1));
            d = Vector256.Shuffle(d, Vector256.Create(3ul, 0, 1, 2));

            // Diagonals.
            a = (a + Unsafe.Add(ref first, offset + 2)) + b;
            d = RotateRight32(d ^ a);
            c += d;
            b = RotateRight24(b ^ c);
            a = (a + Unsafe.Add(ref first, offset + 3)) + b;
            d = RotateRight16(d ^ a);
            c += d;
            b = RotateRight63(b ^ c);

            b = Vector256.Shuffle(b, Vector256.Create(3ul, 0, 1, 2));
            c = Vector256.Shuffle(c, Vector256.Create(2ul, 3, 0, 1));
            d = Vector256.Shuffle(d, Vector256.Create(1ul, 2, 3, 0));

            offset = offset == (SigmaRows - 1) * 4 ? 0 : offset + 4;
        }

        (aIn ^ a ^ c).StoreUnsafe(ref state);
        (bIn ^ b ^ d).StoreUnsafe(ref state, 4);
    }

    /// <summary>The portable F: the same rounds over sixteen scalar words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void CompressScalar(uint rounds, ref ulong state, ref readonly ulong message, ulong t0, ulong t1, bool finalBlock)
    {
        var v0 = state;
        var v1 = Unsafe.Add(ref state, 1);
        var v2 = Unsafe.Add(ref state, 2);
        var v3 = Unsafe.Add(ref state, 3);
        var v4 = Unsafe.Add(ref state, 4);
        var v5 = Unsafe.Add(ref state, 5);
        var v6 = Unsafe.Add(ref state, 6);
        var v7 = Unsafe.Add(ref state, 7);
        var v8 = Iv0;
        var v9 = Iv1;
        var v10 = Iv2;
        var v11 = Iv3;
        var v12 = Iv4 ^ t0;
        var v13 = Iv5 ^ t1;
        var v14 = finalBlock ? ~Iv6 : Iv6;
        var v15 = Iv7;

        ref var sigma = ref MemoryMarshal.GetReference(Sigma);
        ref var m = ref Unsafe.AsRef(in message);
        nuint row = 0;
        for (var round = 0u; round < rounds; round++)
        {
            ref var s = ref Unsafe.Add(ref sigma, row * 16);
            Mix(ref v0, ref v4, ref v8, ref v12, Word(ref m, ref s, 0), Word(ref m, ref s, 1));
            Mix(ref v1, ref v5, ref v9, ref v13, Word(ref m, ref s, 2), Word(ref m, ref s, 3));
            Mix(ref v2, ref v6, ref v10, ref v14, Word(ref m, ref s, 4), Word(ref m, ref s, 5));
            Mix(ref v3, ref v7, ref v11, ref v15, Word(ref m, ref s, 6), Word(ref m, ref s, 7));
            Mix(ref v0, ref v5, ref v10, ref v15, Word(ref m, ref s, 8), Word(ref m, ref s, 9));
            Mix(ref v1, ref v6, ref v11, ref v12, Word(ref m, ref s, 10), Word(ref m, ref s, 11));
            Mix(ref v2, ref v7, ref v8, ref v13, Word(ref m, ref s, 12), Word(ref m, ref s, 13));
            Mix(ref v3, ref v4, ref v9, ref v14, Word(ref m, ref s, 14), Word(ref m, ref s, 15));
            row = row == SigmaRows - 1 ? 0 : row + 1;
        }

        state ^= v0 ^ v8;
        Unsafe.Add(ref state, 1) ^= v1 ^ v9;
        Unsafe.Add(ref state, 2) ^= v2 ^ v10;
        Unsafe.Add(ref state, 3) ^= v3 ^ v11;
        Unsafe.Add(ref state, 4) ^= v4 ^ v12;
        Unsafe.Add(ref state, 5) ^= v5 ^ v13;
        Unsafe.Add(ref state, 6) ^= v6 ^ v14;
        Unsafe.Add(ref state, 7) ^= v7 ^ v15;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Word(ref ulong message, ref byte schedule, nuint index) =>
        Unsafe.Add(ref message, Unsafe.Add(ref schedule, index));

    /// <summary>The mixing function G (RFC 7693 section 3.1) on four words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Mix(ref ulong a, ref ulong b, ref ulong c, ref ulong d, ulong x, ulong y)
    {
        a = a + b + x;
        d = ulong.RotateRight(d ^ a, 32);
        c += d;
        b = ulong.RotateRight(b ^ c, 24);
        a = a + b + y;
        d = ulong.RotateRight(d ^ a, 16);
        c += d;
        b = ulong.RotateRight(b ^ c, 63);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> RotateRight32(Vector256<ulong> value) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateRight(value, 32)
            : Vector256.Shuffle(value.AsUInt32(), Vector256.Create(1u, 0, 3, 2, 5, 4, 7, 6)).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> RotateRight24(Vector256<ulong> value) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateRight(value, 24)
            : Vector256.Shuffle(value.AsByte(), Vector256.Create((byte)3, 4, 5, 6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10, 19, 20, 21, 22, 23, 16, 17, 18, 27, 28, 29, 30, 31, 24, 25, 26)).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> RotateRight16(Vector256<ulong> value) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateRight(value, 16)
            : Vector256.Shuffle(value.AsByte(), Vector256.Create((byte)2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9, 18, 19, 20, 21, 22, 23, 16, 17, 26, 27, 28, 29, 30, 31, 24, 25)).AsUInt64();

    /// <summary>Rotating right by 63 is rotating left by one: a doubling and the carried-out top bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> RotateRight63(Vector256<ulong> value) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateRight(value, 63)
            : (value + value) | Vector256.ShiftRightLogical(value, 63);

    /// <summary>The message words of all ten schedule rows, four vectors per row.</summary>
    [InlineArray(SigmaRows * 4)]
    private struct MessageSchedule
    {
        private Vector256<ulong> _element0;
    }
}
