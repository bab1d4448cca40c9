namespace Nectar.Db.RocksDb.Native;

/// <summary>A <c>rocksdb_options_t</c>: Database and column family options; RocksDB copies them when opening, so they can be freed right after.</summary>
internal sealed class OptionsHandle : RocksDbHandle
{
    public static OptionsHandle Create()
    {
        var handle = new OptionsHandle();
        handle.Attach(RocksDbNative.rocksdb_options_create());
        return handle;
    }

    protected override void Free(nint pointer) => RocksDbNative.rocksdb_options_destroy(pointer);
}
