using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nectar.Core.Hashing;

/// <summary>The Keccak-f[1600] permutation over a state of 25 little-endian 64-bit lanes.</summary>
/// <remarks>
/// The 25 lanes live in locals for the whole permutation so the JIT keeps as many as it can in registers.
/// Each loop iteration runs two rounds, the first from lanes <c>a..</c> into lanes <c>e..</c> and the second
/// back, which folds the rho and pi steps into the choice of operands instead of moving lanes around.
/// Lane names follow the Keccak team's convention: the middle letter is the row (b, g, k, m, s for y = 0..4)
/// and the last letter the column (a, e, i, o, u for x = 0..4); lane (x, y) sits at index x + 5y.
/// </remarks>
[SkipLocalsInit]
internal static class KeccakF1600
{
    /// <summary>Number of 64-bit lanes in the state.</summary>
    public const int Lanes = 25;

    /// <summary>Number of rounds of Keccak-f[1600].</summary>
    public const int Rounds = 24;

    // Iota constants, produced by the degree-8 LFSR of the Keccak specification.
    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL,
        0x8000000080008000UL, 0x000000000000808BUL, 0x0000000080000001UL,
        0x8000000080008081UL, 0x8000000000008009UL, 0x000000000000008AUL,
        0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL,
        0x8000000000008003UL, 0x8000000000008002UL, 0x8000000000000080UL,
        0x000000000000800AUL, 0x800000008000000AUL, 0x8000000080008081UL,
        0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    /// <summary>Applies the permutation in place to a 25-lane state.</summary>
    /// <param name="state">The state; must hold at least 25 lanes.</param>
    public static void Permute(Span<ulong> state)
    {
        if (state.Length < Lanes)
        {
            ThrowStateTooShort();
        }

        Permute(ref MemoryMarshal.GetReference(state));
    }

    /// <summary>Applies the permutation in place to the 25 lanes starting at <paramref name="state"/>.</summary>
    /// <param name="state">Reference to lane 0 of a state of at least 25 lanes.</param>
    public static void Permute(ref ulong state)
    {
        ref var rc = ref MemoryMarshal.GetReference(RoundConstants);

        ulong aba = Unsafe.Add(ref state, 0);
        ulong abe = Unsafe.Add(ref state, 1);
        ulong abi = Unsafe.Add(ref state, 2);
        ulong abo = Unsafe.Add(ref state, 3);
        ulong abu = Unsafe.Add(ref state, 4);
        ulong aga = Unsafe.Add(ref state, 5);
        ulong age = Unsafe.Add(ref state, 6);
        ulong agi = Unsafe.Add(ref state, 7);
        ulong ago = Unsafe.Add(ref state, 8);
        ulong agu = Unsafe.Add(ref state, 9);
        ulong aka = Unsafe.Add(ref state, 10);
        ulong ake = Unsafe.Add(ref state, 11);
        ulong aki = Unsafe.Add(ref state, 12);
        ulong ako = Unsafe.Add(ref state, 13);
        ulong aku = Unsafe.Add(ref state, 14);
        ulong ama = Unsafe.Add(ref state, 15);
        ulong ame = Unsafe.Add(ref state, 16);
        ulong ami = Unsafe.Add(ref state, 17);
        ulong amo = Unsafe.Add(ref state, 18);
        ulong amu = Unsafe.Add(ref state, 19);
        ulong asa = Unsafe.Add(ref state, 20);
        ulong ase = Unsafe.Add(ref state, 21);
        ulong asi = Unsafe.Add(ref state, 22);
        ulong aso = Unsafe.Add(ref state, 23);
        ulong asu = Unsafe.Add(ref state, 24);

        ulong c0, c1, c2, c3, c4, d0, d1, d2, d3, d4, b0, b1, b2, b3, b4;
        ulong eba, ebe, ebi, ebo, ebu, ega, ege, egi, ego, egu, eka, eke, eki;
        ulong eko, eku, ema, eme, emi, emo, emu, esa, ese, esi, eso, esu;

        for (var round = 0; round < Rounds; round += 2)
        {
            c0 = aba ^ aga ^ aka ^ ama ^ asa;
            c1 = abe ^ age ^ ake ^ ame ^ ase;
            c2 = abi ^ agi ^ aki ^ ami ^ asi;
            c3 = abo ^ ago ^ ako ^ amo ^ aso;
            c4 = abu ^ agu ^ aku ^ amu ^ asu;
            d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            b0 = aba ^ d0;
            b1 = BitOperations.RotateLeft(age ^ d1, 44);
            b2 = BitOperations.RotateLeft(aki ^ d2, 43);
            b3 = BitOperations.RotateLeft(amo ^ d3, 21);
            b4 = BitOperations.RotateLeft(asu ^ d4, 14);
            eba = b0 ^ (~b1 & b2) ^ Unsafe.Add(ref rc, round);
            ebe = b1 ^ (~b2 & b3);
            ebi = b2 ^ (~b3 & b4);
            ebo = b3 ^ (~b4 & b0);
            ebu = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(abo ^ d3, 28);
            b1 = BitOperations.RotateLeft(agu ^ d4, 20);
            b2 = BitOperations.RotateLeft(aka ^ d0, 3);
            b3 = BitOperations.RotateLeft(ame ^ d1, 45);
            b4 = BitOperations.RotateLeft(asi ^ d2, 61);
            ega = b0 ^ (~b1 & b2);
            ege = b1 ^ (~b2 & b3);
            egi = b2 ^ (~b3 & b4);
            ego = b3 ^ (~b4 & b0);
            egu = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(abe ^ d1, 1);
            b1 = BitOperations.RotateLeft(agi ^ d2, 6);
            b2 = BitOperations.RotateLeft(ako ^ d3, 25);
            b3 = BitOperations.RotateLeft(amu ^ d4, 8);
            b4 = BitOperations.RotateLeft(asa ^ d0, 18);
            eka = b0 ^ (~b1 & b2);
            eke = b1 ^ (~b2 & b3);
            eki = b2 ^ (~b3 & b4);
            eko = b3 ^ (~b4 & b0);
            eku = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(abu ^ d4, 27);
            b1 = BitOperations.RotateLeft(aga ^ d0, 36);
            b2 = BitOperations.RotateLeft(ake ^ d1, 10);
            b3 = BitOperations.RotateLeft(ami ^ d2, 15);
            b4 = BitOperations.RotateLeft(aso ^ d3, 56);
            ema = b0 ^ (~b1 & b2);
            eme = b1 ^ (~b2 & b3);
            emi = b2 ^ (~b3 & b4);
            emo = b3 ^ (~b4 & b0);
            emu = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(abi ^ d2, 62);
            b1 = BitOperations.RotateLeft(ago ^ d3, 55);
            b2 = BitOperations.RotateLeft(aku ^ d4, 39);
            b3 = BitOperations.RotateLeft(ama ^ d0, 41);
            b4 = BitOperations.RotateLeft(ase ^ d1, 2);
            esa = b0 ^ (~b1 & b2);
            ese = b1 ^ (~b2 & b3);
            esi = b2 ^ (~b3 & b4);
            eso = b3 ^ (~b4 & b0);
            esu = b4 ^ (~b0 & b1);

            c0 = eba ^ ega ^ eka ^ ema ^ esa;
            c1 = ebe ^ ege ^ eke ^ eme ^ ese;
            c2 = ebi ^ egi ^ eki ^ emi ^ esi;
            c3 = ebo ^ ego ^ eko ^ emo ^ eso;
            c4 = ebu ^ egu ^ eku ^ emu ^ esu;
            d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            b0 = eba ^ d0;
            b1 = BitOperations.RotateLeft(ege ^ d1, 44);
            b2 = BitOperations.RotateLeft(eki ^ d2, 43);
            b3 = BitOperations.RotateLeft(emo ^ d3, 21);
            b4 = BitOperations.RotateLeft(esu ^ d4, 14);
            aba = b0 ^ (~b1 & b2) ^ Unsafe.Add(ref rc, round + 1);
            abe = b1 ^ (~b2 & b3);
            abi = b2 ^ (~b3 & b4);
            abo = b3 ^ (~b4 & b0);
            abu = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(ebo ^ d3, 28);
            b1 = BitOperations.RotateLeft(egu ^ d4, 20);
            b2 = BitOperations.RotateLeft(eka ^ d0, 3);
            b3 = BitOperations.RotateLeft(eme ^ d1, 45);
            b4 = BitOperations.RotateLeft(esi ^ d2, 61);
            aga = b0 ^ (~b1 & b2);
            age = b1 ^ (~b2 & b3);
            agi = b2 ^ (~b3 & b4);
            ago = b3 ^ (~b4 & b0);
            agu = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(ebe ^ d1, 1);
            b1 = BitOperations.RotateLeft(egi ^ d2, 6);
            b2 = BitOperations.RotateLeft(eko ^ d3, 25);
            b3 = BitOperations.RotateLeft(emu ^ d4, 8);
            b4 = BitOperations.RotateLeft(esa ^ d0, 18);
            aka = b0 ^ (~b1 & b2);
            ake = b1 ^ (~b2 & b3);
            aki = b2 ^ (~b3 & b4);
            ako = b3 ^ (~b4 & b0);
            aku = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(ebu ^ d4, 27);
            b1 = BitOperations.RotateLeft(ega ^ d0, 36);
            b2 = BitOperations.RotateLeft(eke ^ d1, 10);
            b3 = BitOperations.RotateLeft(emi ^ d2, 15);
            b4 = BitOperations.RotateLeft(eso ^ d3, 56);
            ama = b0 ^ (~b1 & b2);
            ame = b1 ^ (~b2 & b3);
            ami = b2 ^ (~b3 & b4);
            amo = b3 ^ (~b4 & b0);
            amu = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(ebi ^ d2, 62);
            b1 = BitOperations.RotateLeft(ego ^ d3, 55);
            b2 = BitOperations.RotateLeft(eku ^ d4, 39);
            b3 = BitOperations.RotateLeft(ema ^ d0, 41);
            b4 = BitOperations.RotateLeft(ese ^ d1, 2);
            asa = b0 ^ (~b1 & b2);
            ase = b1 ^ (~b2 & b3);
            asi = b2 ^ (~b3 & b4);
            aso = b3 ^ (~b4 & b0);
            asu = b4 ^ (~b0 & b1);
        }

        Unsafe.Add(ref state, 0) = aba;
        Unsafe.Add(ref state, 1) = abe;
        Unsafe.Add(ref state, 2) = abi;
        Unsafe.Add(ref state, 3) = abo;
        Unsafe.Add(ref state, 4) = abu;
        Unsafe.Add(ref state, 5) = aga;
        Unsafe.Add(ref state, 6) = age;
        Unsafe.Add(ref state, 7) = agi;
        Unsafe.Add(ref state, 8) = ago;
        Unsafe.Add(ref state, 9) = agu;
        Unsafe.Add(ref state, 10) = aka;
        Unsafe.Add(ref state, 11) = ake;
        Unsafe.Add(ref state, 12) = aki;
        Unsafe.Add(ref state, 13) = ako;
        Unsafe.Add(ref state, 14) = aku;
        Unsafe.Add(ref state, 15) = ama;
        Unsafe.Add(ref state, 16) = ame;
        Unsafe.Add(ref state, 17) = ami;
        Unsafe.Add(ref state, 18) = amo;
        Unsafe.Add(ref state, 19) = amu;
        Unsafe.Add(ref state, 20) = asa;
        Unsafe.Add(ref state, 21) = ase;
        Unsafe.Add(ref state, 22) = asi;
        Unsafe.Add(ref state, 23) = aso;
        Unsafe.Add(ref state, 24) = asu;
    }

    private static void ThrowStateTooShort() =>
        throw new ArgumentException("The Keccak-f[1600] state needs 25 lanes.", "state");
}
