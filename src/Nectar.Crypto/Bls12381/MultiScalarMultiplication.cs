using System.Buffers;

namespace Nectar.Crypto.Bls12381;

/// <summary>
/// Σ k_i·P_i for affine points and 32-byte big-endian scalars: interleaved 4-bit windows (Straus) for a few
/// points, Pippenger's bucket method for many.
/// </summary>
internal static class MultiScalarMultiplication
{
    /// <summary>Scalar width in bytes.</summary>
    internal const int ScalarLength = 32;

    // Below this many points Straus's shared doublings beat the bucket method's fixed per-window cost.
    private const int PippengerThreshold = 8;

    internal static JacobianPoint<T> Compute<T>(ReadOnlySpan<T> xs, ReadOnlySpan<T> ys, ReadOnlySpan<bool> infinity, ReadOnlySpan<byte> scalars)
        where T : struct, IField<T>
    {
        var n = xs.Length;
        if (ys.Length != n || infinity.Length != n || scalars.Length != n * ScalarLength)
        {
            throw new ArgumentException("Points and scalars differ in count.");
        }

        return n <= PippengerThreshold ? Straus(xs, ys, infinity, scalars) : Pippenger(xs, ys, infinity, scalars);
    }

    private static JacobianPoint<T> Straus<T>(ReadOnlySpan<T> xs, ReadOnlySpan<T> ys, ReadOnlySpan<bool> infinity, ReadOnlySpan<byte> scalars)
        where T : struct, IField<T>
    {
        var n = xs.Length;
        var table = ArrayPool<JacobianPoint<T>>.Shared.Rent(n * 16);
        try
        {
            return Straus(xs, ys, infinity, scalars, table);
        }
        finally
        {
            ArrayPool<JacobianPoint<T>>.Shared.Return(table);
        }
    }

    private static JacobianPoint<T> Straus<T>(ReadOnlySpan<T> xs, ReadOnlySpan<T> ys, ReadOnlySpan<bool> infinity, ReadOnlySpan<byte> scalars, JacobianPoint<T>[] table)
        where T : struct, IField<T>
    {
        var n = xs.Length;
        for (var j = 0; j < n; j++)
        {
            var p = JacobianPoint<T>.FromAffine(xs[j], ys[j], infinity[j]);
            table[j * 16] = JacobianPoint<T>.Infinity;
            table[(j * 16) + 1] = p;
            for (var i = 2; i < 16; i++)
            {
                table[(j * 16) + i] = (i & 1) == 0 ? table[(j * 16) + (i / 2)].Double() : table[(j * 16) + i - 1].Add(p);
            }
        }

        var acc = JacobianPoint<T>.Infinity;
        for (var nibble = 0; nibble < 2 * ScalarLength; nibble++)
        {
            for (var k = 0; k < 4; k++)
            {
                acc = acc.Double();
            }

            for (var j = 0; j < n; j++)
            {
                var b = scalars[(j * ScalarLength) + (nibble / 2)];
                var digit = (nibble & 1) == 0 ? b >> 4 : b & 15;
                if (digit != 0)
                {
                    acc = acc.Add(table[(j * 16) + digit]);
                }
            }
        }

        return acc;
    }

    private static JacobianPoint<T> Pippenger<T>(ReadOnlySpan<T> xs, ReadOnlySpan<T> ys, ReadOnlySpan<bool> infinity, ReadOnlySpan<byte> scalars)
        where T : struct, IField<T>
    {
        var n = xs.Length;
        var c = Math.Max(3, System.Numerics.BitOperations.Log2((uint)n) - 1);
        var windows = ((8 * ScalarLength) + c - 1) / c;
        var buckets = new JacobianPoint<T>[(1 << c) - 1];
        var acc = JacobianPoint<T>.Infinity;
        for (var w = windows - 1; w >= 0; w--)
        {
            for (var k = 0; k < c; k++)
            {
                acc = acc.Double();
            }

            Array.Fill(buckets, JacobianPoint<T>.Infinity);
            for (var j = 0; j < n; j++)
            {
                if (infinity[j])
                {
                    continue;
                }

                var digit = Window(scalars.Slice(j * ScalarLength, ScalarLength), w * c, c);
                if (digit != 0)
                {
                    buckets[digit - 1] = buckets[digit - 1].AddAffine(xs[j], ys[j]);
                }
            }

            // Σ d·B_d as a running sum from the top bucket down.
            var running = JacobianPoint<T>.Infinity;
            var total = JacobianPoint<T>.Infinity;
            for (var d = buckets.Length - 1; d >= 0; d--)
            {
                running = running.Add(buckets[d]);
                total = total.Add(running);
            }

            acc = acc.Add(total);
        }

        return acc;
    }

    // Bits [start, start + width) of a big-endian scalar, least significant bit first.
    private static int Window(ReadOnlySpan<byte> scalar, int start, int width)
    {
        var value = 0;
        for (var i = 0; i < width; i++)
        {
            var bit = start + i;
            if (bit >= 8 * ScalarLength)
            {
                break;
            }

            value |= ((scalar[ScalarLength - 1 - (bit / 8)] >> (bit % 8)) & 1) << i;
        }

        return value;
    }
}
