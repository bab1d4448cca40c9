namespace Nectar.Db.RocksDb.Native;

/// <summary>A <c>rocksdb_snapshot_t</c>, released through its database before the database closes.</summary>
internal sealed class SnapshotHandle : DependentHandle
{
    private SnapshotHandle(DatabaseHandle database)
        : base(database)
    {
    }

    public static SnapshotHandle Create(DatabaseHandle database)
    {
        var snapshot = new SnapshotHandle(database);
        try
        {
            snapshot.Attach(RocksDbNative.rocksdb_create_snapshot(database));
            return snapshot;
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }
    }

    protected override void Free(nint pointer) => RocksDbNative.rocksdb_release_snapshot(OwnerPointer, pointer);
}
