using System.Runtime.InteropServices;

namespace Nectar.Db.RocksDb.Native;

internal static unsafe partial class RocksDbNative
{
    [LibraryImport(Library)]
    public static partial nint rocksdb_writebatch_create();

    [LibraryImport(Library)]
    public static partial void rocksdb_writebatch_destroy(nint batch);

    [LibraryImport(Library)]
    public static partial void rocksdb_writebatch_clear(WriteBatchHandle batch);

    [LibraryImport(Library)]
    public static partial int rocksdb_writebatch_count(WriteBatchHandle batch);

    [LibraryImport(Library)]
    public static partial void rocksdb_writebatch_put_cf(
        WriteBatchHandle batch,
        ColumnFamilyHandle columnFamily,
        byte* key,
        nuint keyLength,
        byte* value,
        nuint valueLength);

    [LibraryImport(Library)]
    public static partial void rocksdb_writebatch_delete_cf(WriteBatchHandle batch, ColumnFamilyHandle columnFamily, byte* key, nuint keyLength);
}
