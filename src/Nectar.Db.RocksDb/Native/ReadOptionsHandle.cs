namespace Nectar.Db.RocksDb.Native;

/// <summary>
/// A <c>rocksdb_readoptions_t</c> for point reads, optionally reading at a snapshot; it keeps the snapshot
/// alive until it is released, so a read in flight never outlives its snapshot.
/// </summary>
internal sealed class ReadOptionsHandle : DependentHandle
{
    private ReadOptionsHandle(SnapshotHandle? snapshot)
        : base(snapshot)
    {
    }

    public static ReadOptionsHandle Create(SnapshotHandle? snapshot)
    {
        var options = new ReadOptionsHandle(snapshot);
        try
        {
            options.Attach(RocksDbNative.rocksdb_readoptions_create());
            if (snapshot is not null)
            {
                RocksDbNative.rocksdb_readoptions_set_snapshot(options.DangerousGetHandle(), snapshot.DangerousGetHandle());
            }

            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    protected override void Free(nint pointer) => RocksDbNative.rocksdb_readoptions_destroy(pointer);
}
