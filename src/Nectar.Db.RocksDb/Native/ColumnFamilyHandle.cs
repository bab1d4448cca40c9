namespace Nectar.Db.RocksDb.Native;

/// <summary>A <c>rocksdb_column_family_handle_t</c>, destroyed before its database closes.</summary>
internal sealed class ColumnFamilyHandle(DatabaseHandle database) : DependentHandle(database)
{
    protected override void Free(nint pointer) => RocksDbNative.rocksdb_column_family_handle_destroy(pointer);
}
