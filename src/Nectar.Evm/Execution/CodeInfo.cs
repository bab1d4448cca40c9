using System.Runtime.CompilerServices;

namespace Nectar.Evm.Execution;

/// <summary>
/// Code prepared for the interpreter: a copy padded with 33 zero bytes (so PUSH32 at the last byte and the
/// STOP after the end read inside the array) and the JUMPDEST bitmap, computed on first jump and shared.
/// </summary>
/// <remarks>Thread-safe: the bitmap is computed deterministically, so a race only computes it twice.</remarks>
internal sealed class CodeInfo
{
    /// <summary>Zero bytes after the code: 32 for the widest PUSH plus one implicit STOP.</summary>
    public const int Padding = 33;

    public static readonly CodeInfo Empty = new([]);

    private ulong[]? _jumpDestinations;

    public CodeInfo(ReadOnlySpan<byte> code)
    {
        Length = code.Length;
        Padded = new byte[code.Length + Padding];
        code.CopyTo(Padded);
    }

    /// <summary>The code followed by <see cref="Padding"/> zero bytes.</summary>
    public byte[] Padded { get; }

    /// <summary>The length of the code itself.</summary>
    public int Length { get; }

    /// <summary>The code without the padding.</summary>
    public ReadOnlySpan<byte> Code => Padded.AsSpan(0, Length);

    /// <summary>Whether <paramref name="destination"/> is a JUMPDEST instruction (not a byte inside PUSH data).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsJumpDestination(int destination)
    {
        if ((uint)destination >= (uint)Length)
        {
            return false;
        }

        var bitmap = _jumpDestinations ?? Analyse();
        return (bitmap[destination >> 6] & (1UL << destination)) != 0;
    }

    private ulong[] Analyse()
    {
        var bitmap = new ulong[(Length + 63) / 64];
        var code = Padded;
        for (var pc = 0; pc < Length; pc++)
        {
            var op = code[pc];
            if (op == (byte)Opcode.JUMPDEST)
            {
                bitmap[pc >> 6] |= 1UL << pc;
            }
            else if (op >= (byte)Opcode.PUSH1 && op <= (byte)Opcode.PUSH32)
            {
                pc += op - (byte)Opcode.PUSH1 + 1;
            }
        }

        _jumpDestinations = bitmap;
        return bitmap;
    }
}
