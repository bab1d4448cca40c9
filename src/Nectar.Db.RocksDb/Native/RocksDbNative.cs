using System.Runtime.InteropServices;

namespace Nectar.Db.RocksDb.Native;

/// <summary>
/// Source-generated P/Invoke declarations for Debian's librocksdb 7.8 C API (include/rocksdb/c.h), split by
/// concern into partial files. Parameters use SafeHandles where the marshaller's reference counting keeps
/// a native object alive across the call; release paths and per-step iterator accessors take raw
/// pointers. Every <c>char** errptr</c> is a <c>nint*</c> whose target the caller sets to zero first, as
/// the C API requires; <see cref="NativeError"/> turns a set error into an exception.
/// </summary>
internal static unsafe partial class RocksDbNative
{
    /// <summary>The shared library, by its Debian soname.</summary>
    public const string Library = "librocksdb.so.7.8";

    /// <summary>C API compression type codes (<c>rocksdb_*_compression</c>).</summary>
    public const int NoCompression = 0;

    /// <summary>Snappy compression.</summary>
    public const int SnappyCompression = 1;

    /// <summary>LZ4 compression.</summary>
    public const int Lz4Compression = 4;

    /// <summary>Zstandard compression.</summary>
    public const int ZstdCompression = 7;

    /// <summary><c>WALRecoveryMode::kPointInTimeRecovery</c>: replay the WAL up to the first torn or corrupt record.</summary>
    public const int PointInTimeRecovery = 2;

    [LibraryImport(Library)]
    public static partial void rocksdb_free(nint pointer);
}
