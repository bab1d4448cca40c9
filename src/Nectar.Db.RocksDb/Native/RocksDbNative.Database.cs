using System.Runtime.InteropServices;

namespace Nectar.Db.RocksDb.Native;

internal static unsafe partial class RocksDbNative
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint rocksdb_open_column_families(
        OptionsHandle options,
        string path,
        int columnFamilyCount,
        nint* columnFamilyNames,
        nint* columnFamilyOptions,
        nint* columnFamilyHandles,
        nint* errptr);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint rocksdb_list_column_families(OptionsHandle options, string path, nuint* count, nint* errptr);

    [LibraryImport(Library)]
    public static partial void rocksdb_list_column_families_destroy(nint list, nuint count);

    [LibraryImport(Library)]
    public static partial void rocksdb_close(nint database);

    [LibraryImport(Library)]
    public static partial void rocksdb_column_family_handle_destroy(nint columnFamily);

    [LibraryImport(Library)]
    public static partial void rocksdb_put_cf(
        DatabaseHandle database,
        WriteOptionsHandle writeOptions,
        ColumnFamilyHandle columnFamily,
        byte* key,
        nuint keyLength,
        byte* value,
        nuint valueLength,
        nint* errptr);

    [LibraryImport(Library)]
    public static partial void rocksdb_delete_cf(
        DatabaseHandle database,
        WriteOptionsHandle writeOptions,
        ColumnFamilyHandle columnFamily,
        byte* key,
        nuint keyLength,
        nint* errptr);

    /// <summary>Returns a pinnable slice to destroy with <see cref="rocksdb_pinnableslice_destroy"/>, or zero when the key is missing.</summary>
    [LibraryImport(Library)]
    public static partial nint rocksdb_get_pinned_cf(
        DatabaseHandle database,
        ReadOptionsHandle readOptions,
        ColumnFamilyHandle columnFamily,
        byte* key,
        nuint keyLength,
        nint* errptr);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial byte* rocksdb_pinnableslice_value(nint slice, nuint* length);

    [LibraryImport(Library)]
    public static partial void rocksdb_pinnableslice_destroy(nint slice);

    [LibraryImport(Library)]
    public static partial void rocksdb_write(DatabaseHandle database, WriteOptionsHandle writeOptions, WriteBatchHandle batch, nint* errptr);

    [LibraryImport(Library)]
    public static partial void rocksdb_flush_cf(DatabaseHandle database, FlushOptionsHandle flushOptions, ColumnFamilyHandle columnFamily, nint* errptr);

    [LibraryImport(Library)]
    public static partial nint rocksdb_create_snapshot(DatabaseHandle database);

    [LibraryImport(Library)]
    public static partial void rocksdb_release_snapshot(nint database, nint snapshot);
}
