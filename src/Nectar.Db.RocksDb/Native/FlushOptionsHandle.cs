namespace Nectar.Db.RocksDb.Native;

/// <summary>A <c>rocksdb_flushoptions_t</c>: Flush options.</summary>
internal sealed class FlushOptionsHandle : RocksDbHandle
{
    public static FlushOptionsHandle Create()
    {
        var handle = new FlushOptionsHandle();
        handle.Attach(RocksDbNative.rocksdb_flushoptions_create());
        return handle;
    }

    protected override void Free(nint pointer) => RocksDbNative.rocksdb_flushoptions_destroy(pointer);
}
