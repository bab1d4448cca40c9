using System.Runtime.InteropServices;

namespace Nectar.Db.RocksDb.Native;

// Iterator calls take the raw pointer: a cursor owns its iterator alone, holds the SafeHandle that frees
// it, and never calls after disposal, so per-step reference counting would buy nothing. Accessors that
// only read the current position skip the GC transition; moves may read from disk and keep it.
internal static unsafe partial class RocksDbNative
{
    [LibraryImport(Library)]
    public static partial nint rocksdb_create_iterator_cf(DatabaseHandle database, nint readOptions, ColumnFamilyHandle columnFamily);

    [LibraryImport(Library)]
    public static partial void rocksdb_iter_destroy(nint iterator);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial byte rocksdb_iter_valid(nint iterator);

    [LibraryImport(Library)]
    public static partial void rocksdb_iter_seek_to_first(nint iterator);

    [LibraryImport(Library)]
    public static partial void rocksdb_iter_seek_to_last(nint iterator);

    [LibraryImport(Library)]
    public static partial void rocksdb_iter_next(nint iterator);

    [LibraryImport(Library)]
    public static partial void rocksdb_iter_prev(nint iterator);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial byte* rocksdb_iter_key(nint iterator, nuint* length);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial byte* rocksdb_iter_value(nint iterator, nuint* length);

    [LibraryImport(Library)]
    public static partial void rocksdb_iter_get_error(nint iterator, nint* errptr);
}
