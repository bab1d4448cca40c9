namespace Nectar.Crypto.Bls12381;

/// <summary>The flag bits of the ZCash point encoding, in the first byte.</summary>
internal static class PointFlags
{
    /// <summary>Set in compressed encodings, clear in uncompressed ones.</summary>
    internal const byte Compression = 0x80;

    /// <summary>Set for the point at infinity.</summary>
    internal const byte Infinity = 0x40;

    /// <summary>Set when y is the lexicographically larger root (compressed encodings only).</summary>
    internal const byte Sign = 0x20;

    /// <summary>The bits of the first byte that belong to the coordinate.</summary>
    internal const byte CoordinateMask = 0x1f;
}
