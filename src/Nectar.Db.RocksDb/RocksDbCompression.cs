namespace Nectar.Db.RocksDb;

/// <summary>
/// The block compression a database was opened with: the best the loaded librocksdb build supports,
/// chosen when opening.
/// </summary>
public enum RocksDbCompression
{
    /// <summary>Blocks are stored uncompressed.</summary>
    None = 0,

    /// <summary>Snappy on every level.</summary>
    Snappy = 1,

    /// <summary>LZ4 on the upper levels (fast), Zstandard on the bottommost level, which holds most of the data.</summary>
    Lz4WithZstdBottommost = 2,
}
