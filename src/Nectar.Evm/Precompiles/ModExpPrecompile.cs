using System.Numerics;
using Nectar.Core.Specs;
using Nectar.Crypto;

namespace Nectar.Evm.Precompiles;

/// <summary>
/// 0x05 modexp (EIP-198): base^exp mod m over big-endian operands whose lengths lead the input. Priced by
/// EIP-2565 from Berlin on (EIP-198 before). Lengths may be absurd (up to 2^256 - 1): the price is computed in
/// arbitrary precision and saturates, so such a call runs out of gas before anything that large is allocated.
/// </summary>
public sealed class ModExpPrecompile : Precompile
{
    /// <inheritdoc />
    public override long GasCost(ReadOnlySpan<byte> input, ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var baseLength = ReadLength(input, 0);
        var exponentLength = ReadLength(input, 32);
        var modulusLength = ReadLength(input, 64);
        var data = input.Length > 96 ? input[96..] : [];

        // The leading (at most) 32 bytes of the exponent decide its "adjusted length".
        BigInteger exponentHead;
        if (data.Length <= baseLength)
        {
            exponentHead = BigInteger.Zero;
        }
        else
        {
            var headLength = (int)BigInteger.Min(exponentLength, 32);
            exponentHead = new BigInteger(Slice(data, (long)baseLength, headLength), isUnsigned: true, isBigEndian: true);
        }

        var msb = exponentHead.IsZero ? 0 : (int)exponentHead.GetBitLength() - 1;
        var adjustedExponentLength = exponentLength > 32 ? (exponentLength - 32) * 8 : BigInteger.Zero;
        adjustedExponentLength += msb;
        var iterations = BigInteger.Max(adjustedExponentLength, BigInteger.One);

        var maxLength = BigInteger.Max(baseLength, modulusLength);
        BigInteger gas;
        if (spec.IsEip2565Enabled)
        {
            var words = (maxLength + 7) / 8;
            gas = words * words * iterations / 3;
            return gas > long.MaxValue ? long.MaxValue : Math.Max(200, (long)gas);
        }

        gas = Eip198Complexity(maxLength) * iterations / 20;
        return gas > long.MaxValue ? long.MaxValue : (long)gas;
    }

    /// <inheritdoc />
    public override bool TryRun(ReadOnlySpan<byte> input, out byte[] output)
    {
        var baseLength = ReadLength(input, 0);
        var exponentLength = ReadLength(input, 32);
        var modulusLength = ReadLength(input, 64);
        if (baseLength.IsZero && modulusLength.IsZero)
        {
            output = [];
            return true;
        }

        // The price makes lengths beyond this unreachable; refuse rather than allocate if it ever were not so.
        if (baseLength > int.MaxValue || exponentLength > int.MaxValue || modulusLength > int.MaxValue)
        {
            output = [];
            return false;
        }

        var data = input.Length > 96 ? input[96..] : [];
        var b = Slice(data, 0, (int)baseLength);
        var e = Slice(data, (long)baseLength, (int)exponentLength);
        var m = Slice(data, (long)(baseLength + exponentLength), (int)modulusLength);
        output = new byte[(int)modulusLength];
        ModExp.Compute(b, e, m, output);
        return true;
    }

    private static BigInteger Eip198Complexity(BigInteger x)
    {
        if (x <= 64)
        {
            return x * x;
        }

        if (x <= 1024)
        {
            return (x * x / 4) + (96 * x) - 3072;
        }

        return (x * x / 16) + (480 * x) - 199_680;
    }

    private static BigInteger ReadLength(ReadOnlySpan<byte> input, int offset)
    {
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        if (input.Length > offset)
        {
            var n = Math.Min(32, input.Length - offset);
            input.Slice(offset, n).CopyTo(word);
        }

        return new BigInteger(word, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Bytes [offset, offset + length) of data, zero-padded where data ends.</summary>
    private static byte[] Slice(ReadOnlySpan<byte> data, long offset, int length)
    {
        var result = new byte[length];
        if (offset < data.Length)
        {
            var n = (int)Math.Min(length, data.Length - offset);
            data.Slice((int)offset, n).CopyTo(result);
        }

        return result;
    }
}
