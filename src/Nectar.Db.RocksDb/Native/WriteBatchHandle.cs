namespace Nectar.Db.RocksDb.Native;

/// <summary>A <c>rocksdb_writebatch_t</c>: A write batch being filled; independent of any database until written.</summary>
internal sealed class WriteBatchHandle : RocksDbHandle
{
    public static WriteBatchHandle Create()
    {
        var handle = new WriteBatchHandle();
        handle.Attach(RocksDbNative.rocksdb_writebatch_create());
        return handle;
    }

    protected override void Free(nint pointer) => RocksDbNative.rocksdb_writebatch_destroy(pointer);
}
