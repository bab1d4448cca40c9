namespace Nectar.Crypto.Bls12381;

/// <content>The ZCash serialization: 48-byte compressed and 96-byte uncompressed, flags in the top three bits.</content>
public readonly partial struct G1Affine
{
    /// <summary>Length of the compressed encoding.</summary>
    public const int CompressedLength = 48;

    /// <summary>Length of the uncompressed encoding.</summary>
    public const int UncompressedLength = 96;

    /// <summary>The 48-byte compressed encoding.</summary>
    public byte[] ToCompressed()
    {
        var bytes = new byte[CompressedLength];
        WriteCompressed(bytes);
        return bytes;
    }

    /// <summary>Writes the 48-byte compressed encoding: x with the compression, infinity and sign flags.</summary>
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
        if (Y.IsLexicographicallyLargest)
        {
            destination[0] |= PointFlags.Sign;
        }
    }

    /// <summary>The 96-byte uncompressed encoding.</summary>
    public byte[] ToUncompressed()
    {
        var bytes = new byte[UncompressedLength];
        WriteUncompressed(bytes);
        return bytes;
    }

    /// <summary>Writes the 96-byte uncompressed encoding x | y (infinity: the infinity flag and zeros).</summary>
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
        Y.WriteBytes(destination[48..]);
    }

    /// <summary>
    /// Decodes a compressed (48-byte) or uncompressed (96-byte) point with strict validation: consistent flags,
    /// canonical coordinates, on the curve, and in the prime-order subgroup.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out G1Affine point, out PointDecodeError error)
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

    /// <summary>Decodes and validates everything but subgroup membership.</summary>
    internal static PointDecodeError DecodeUnchecked(ReadOnlySpan<byte> encoded, out G1Affine point)
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
            // The canonical infinity carries no sign and all-zero coordinate bits.
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

        Span<byte> xBytes = stackalloc byte[48];
        encoded[..48].CopyTo(xBytes);
        xBytes[0] &= PointFlags.CoordinateMask;
        if (!Fp.TryFromBytes(xBytes, out var x))
        {
            return PointDecodeError.NonCanonicalCoordinate;
        }

        Fp y;
        if (compressed)
        {
            var rhs = (x.Square() * x) + Fp.FromUInt64(4);
            if (!rhs.TrySqrt(out y))
            {
                return PointDecodeError.NotOnCurve;
            }

            if (y.IsLexicographicallyLargest != sign)
            {
                y = -y;
            }
        }
        else
        {
            if (!Fp.TryFromBytes(encoded[48..], out y))
            {
                return PointDecodeError.NonCanonicalCoordinate;
            }

            if (!JacobianPoint<Fp>.IsOnCurve(x, y))
            {
                return PointDecodeError.NotOnCurve;
            }
        }

        point = new G1Affine(x, y);
        return PointDecodeError.None;
    }
}
