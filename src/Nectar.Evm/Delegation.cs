using Nectar.Core.Primitives;

namespace Nectar.Evm;

/// <summary>EIP-7702 delegation designators: code of exactly 0xef0100 followed by a 20-byte address.</summary>
public static class Delegation
{
    /// <summary>The length of a designator.</summary>
    public const int Length = 23;

    /// <summary>Whether the code is a delegation designator, and to whom.</summary>
    /// <param name="code">An account's code.</param>
    /// <param name="target">The delegate, when it is one.</param>
    /// <returns><see langword="true"/> for a designator.</returns>
    public static bool TryGetTarget(ReadOnlySpan<byte> code, out Address target)
    {
        if (code.Length == Length && code[0] == 0xEF && code[1] == 0x01 && code[2] == 0x00)
        {
            target = new Address(code[3..]);
            return true;
        }

        target = default;
        return false;
    }

    /// <summary>Builds the designator 0xef0100 || target.</summary>
    /// <param name="target">The delegate.</param>
    /// <returns>The 23-byte code.</returns>
    public static byte[] Create(Address target)
    {
        var code = new byte[Length];
        code[0] = 0xEF;
        code[1] = 0x01;
        code[2] = 0x00;
        target.CopyTo(code.AsSpan(3));
        return code;
    }
}
