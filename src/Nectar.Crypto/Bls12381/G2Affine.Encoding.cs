namespace Nectar.Crypto.Bls12381;

/// <content>The ZCash serialization: 96-byte compressed and 192-byte uncompressed, coordinates written c1 then c0.</content>
public readonly partial struct G2Affine
{
    /// <summary>Length of the compressed encoding.</summary>
    public const int CompressedLength = 96;

    /// <summary>Length of the uncompressed encoding.</summary>
    public const int UncompressedLength = 192;

    /// <summary>The 96-byte compressed encoding.</summary>
    public byte[] ToCompressed()
    {
        var bytes = new byte[CompressedLength];
        WriteCompressed(bytes);
        return bytes;
    }

    /// <summary>Writes the 96-byte compressed encoding: x (c1 | c0) with the compression, infinity and sign flags.</summary>
    public void WriteCompressed(Span<byte> destination)
    {
        destination = destination[..CompressedLength];
        if (IsInfinity)
        {
            destination.Clear();
            destination[0] = PointFlags.Compression | PointFlags.Infinity;
            return;
        }

        X.WriteBytes(destination);
        destination[0] |= PointFlags.Compression;
        if (IsLexicographicallyLargest(Y))
        {
            destination[0] |= PointFlags.Sign;
        }
    }

    /// <summary>The 192-byte uncompressed encoding.</summary>
    public byte[] ToUncompressed()
    {
        var bytes = new byte[UncompressedLength];
        WriteUncompressed(bytes);
        return bytes;
    }

    /// <summary>Writes the 192-byte uncompressed encoding x | y (infinity: the infinity flag and zeros).</summary>
    public void WriteUncompressed(Span<byte> destination)
    {
        destination = destination[..UncompressedLength];
        if (IsInfinity)
        {
            destination.Clear();
            destination[0] = PointFlags.Infinity;
            return;
        }

        X.WriteBytes(destination);
        Y.WriteBytes(destination[96..]);
    }

    /// <summary>
    /// Decodes a compressed (96-byte) or uncompressed (192-byte) point with strict validation: consistent flags,
    /// canonical coordinates, on the curve, and in the prime-order subgroup.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out G2Affine point, out PointDecodeError error)
    {
        error = DecodeUnchecked(encoded, out point);
        if (error == PointDecodeError.None && !point.IsInSubgroup)
        {
            error = PointDecodeError.NotInSubgroup;
        }

        if (error != PointDecodeError.None)
        {
            point = default;
            return false;
        }

        return true;
    }

    // The ZCash order on F_p2: compare c1 first and fall back to c0 when c1 is zero.
    private static bool IsLexicographicallyLargest(in Fp2 y) =>
        y.C1.IsLexicographicallyLargest || (y.C1.IsZero && y.C0.IsLexicographicallyLargest);

    /// <summary>Decodes and validates everything but subgroup membership.</summary>
    internal static PointDecodeError DecodeUnchecked(ReadOnlySpan<byte> encoded, out G2Affine point)
    {
        point = default;
        bool compressed;
        if (encoded.Length == CompressedLength)
        {
            compressed = true;
        }
        else if (encoded.Length == UncompressedLength)
        {
            compressed = false;
        }
        else
        {
            return PointDecodeError.WrongLength;
        }

        var flags = encoded[0];
        if (((flags & PointFlags.Compression) != 0) != compressed)
        {
            return PointDecodeError.InvalidFlags;
        }

        var infinity = (flags & PointFlags.Infinity) != 0;
        var sign = (flags & PointFlags.Sign) != 0;
        if (infinity)
        {
            if (sign || (flags & PointFlags.CoordinateMask) != 0 || encoded[1..].ContainsAnyExcept((byte)0))
            {
                return PointDecodeError.InvalidFlags;
            }

            point = Identity;
            return PointDecodeError.None;
        }

        if (!compressed && sign)
        {
            return PointDecodeError.InvalidFlags;
        }

        Span<byte> xBytes = stackalloc byte[96];
        encoded[..96].CopyTo(xBytes);
        xBytes[0] &= PointFlags.CoordinateMask;
        if (!Fp2.TryFromBytes(xBytes, out var x))
        {
            return PointDecodeError.NonCanonicalCoordinate;
        }

        Fp2 y;
        if (compressed)
        {
            var rhs = (x.Square() * x) + new Fp2(Fp.FromUInt64(4), Fp.FromUInt64(4));
            if (!rhs.TrySqrt(out y))
            {
                return PointDecodeError.NotOnCurve;
            }

            if (IsLexicographicallyLargest(y) != sign)
            {
                y = -y;
            }
        }
        else
        {
            if (!Fp2.TryFromBytes(encoded[96..], out y))
            {
                return PointDecodeError.NonCanonicalCoordinate;
            }

            if (!JacobianPoint<Fp2>.IsOnCurve(x, y))
            {
                return PointDecodeError.NotOnCurve;
            }
        }

        point = new G2Affine(x, y);
        return PointDecodeError.None;
    }
}
