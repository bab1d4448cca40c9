using System.Numerics;

namespace Nectar.Crypto;

/// <summary>
/// Modular exponentiation over arbitrary-length big-endian integers, the arithmetic of precompile 0x05
/// (EIP-198). Input parsing and gas pricing (EIP-2565) belong to the EVM.
/// </summary>
public static class ModExp
{
    /// <summary>
    /// Computes base^exponent mod modulus and writes it big-endian, left-padded with zeros to the
    /// modulus length. A zero modulus gives all zeros (as the precompile defines), and 0^0 is 1.
    /// </summary>
    /// <param name="base">The base, big-endian, any length (leading zeros allowed).</param>
    /// <param name="exponent">The exponent, big-endian, any length.</param>
    /// <param name="modulus">The modulus, big-endian, any length.</param>
    /// <param name="output">Receives the result; must be exactly as long as <paramref name="modulus"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not as long as <paramref name="modulus"/>.</exception>
    public static void Compute(ReadOnlySpan<byte> @base, ReadOnlySpan<byte> exponent, ReadOnlySpan<byte> modulus, Span<byte> output)
    {
        if (output.Length != modulus.Length)
        {
            throw new ArgumentException("The output must be exactly as long as the modulus.", nameof(output));
        }

        output.Clear();
        var m = new BigInteger(modulus, isUnsigned: true, isBigEndian: true);
        if (m <= BigInteger.One)
        {
            // Modulus 0 is defined to give zero; modulus 1 reduces everything to zero.
            return;
        }

        var b = new BigInteger(@base, isUnsigned: true, isBigEndian: true);
        var e = new BigInteger(exponent, isUnsigned: true, isBigEndian: true);
        var result = BigInteger.ModPow(b, e, m);
        var length = result.GetByteCount(isUnsigned: true);
        if (!result.TryWriteBytes(output[(output.Length - length)..], out _, isUnsigned: true, isBigEndian: true))
        {
            throw new InvalidOperationException("A residue cannot be longer than its modulus.");
        }
    }
}
