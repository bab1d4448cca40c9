namespace Nectar.Db.RocksDb.Native;

/// <summary>A <c>rocksdb_block_based_table_options_t</c>: Block-based table options; the column options copy them into their table factory.</summary>
internal sealed class BlockBasedTableOptionsHandle : RocksDbHandle
{
    public static BlockBasedTableOptionsHandle Create()
    {
        var handle = new BlockBasedTableOptionsHandle();
        handle.Attach(RocksDbNative.rocksdb_block_based_options_create());
        return handle;
    }

    protected override void Free(nint pointer) => RocksDbNative.rocksdb_block_based_options_destroy(pointer);
}
