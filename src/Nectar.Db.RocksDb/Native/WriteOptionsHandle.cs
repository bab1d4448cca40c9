namespace Nectar.Db.RocksDb.Native;

/// <summary>A <c>rocksdb_writeoptions_t</c>: Write options (the WAL sync flag).</summary>
internal sealed class WriteOptionsHandle : RocksDbHandle
{
    public static WriteOptionsHandle Create()
    {
        var handle = new WriteOptionsHandle();
        handle.Attach(RocksDbNative.rocksdb_writeoptions_create());
        return handle;
    }

    protected override void Free(nint pointer) => RocksDbNative.rocksdb_writeoptions_destroy(pointer);
}
