namespace Nectar.Db.RocksDb.Native;

/// <summary>A <c>rocksdb_cache_t</c> (LRU block cache); table options share it, so it may be freed once they hold it.</summary>
internal sealed class CacheHandle : RocksDbHandle
{
    public static CacheHandle CreateLru(long capacity)
    {
        var handle = new CacheHandle();
        handle.Attach(RocksDbNative.rocksdb_cache_create_lru((nuint)capacity));
        return handle;
    }

    protected override void Free(nint pointer) => RocksDbNative.rocksdb_cache_destroy(pointer);
}
