namespace Nectar.Db.RocksDb.Native;

/// <summary>An open <c>rocksdb_t</c>; closing it waits for background work and releases the directory lock.</summary>
internal sealed class DatabaseHandle : RocksDbHandle
{
    protected override void Free(nint pointer) => RocksDbNative.rocksdb_close(pointer);
}
