using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nectar.Db.RocksDb.Native;

namespace Nectar.Db.RocksDb;

/// <summary>A native RocksDB write batch: one WAL record when written, so it is atomic across column families and crashes.</summary>
[SkipLocalsInit]
internal sealed unsafe class RocksDbWriteBatch(RocksDbDatabase database) : IWriteBatch
{
    private readonly WriteBatchHandle _batch = WriteBatchHandle.Create();

    public int Count => RocksDbNative.rocksdb_writebatch_count(_batch);

    public void Put(IKeyValueStore column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var columnFamily = ColumnFamilyOf(column);
        fixed (byte* k = &MemoryMarshal.GetReference(key))
        fixed (byte* v = &MemoryMarshal.GetReference(value))
        {
            RocksDbNative.rocksdb_writebatch_put_cf(_batch, columnFamily, NativeKey.NonNull(k), (nuint)key.Length, NativeKey.NonNull(v), (nuint)value.Length);
        }
    }

    public void Delete(IKeyValueStore column, ReadOnlySpan<byte> key)
    {
        var columnFamily = ColumnFamilyOf(column);
        fixed (byte* k = &MemoryMarshal.GetReference(key))
        {
            RocksDbNative.rocksdb_writebatch_delete_cf(_batch, columnFamily, NativeKey.NonNull(k), (nuint)key.Length);
        }
    }

    public void Commit(WriteDurability durability = WriteDurability.Buffered)
    {
        nint error = 0;
        RocksDbNative.rocksdb_write(database.Handle, database.WriteOptions(durability), _batch, &error);
        NativeError.ThrowIfSet(error, "write batch");
        RocksDbNative.rocksdb_writebatch_clear(_batch);
    }

    public void Clear() => RocksDbNative.rocksdb_writebatch_clear(_batch);

    public void Dispose() => _batch.Dispose();

    private ColumnFamilyHandle ColumnFamilyOf(IKeyValueStore column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column is not RocksDbColumn rocks || !ReferenceEquals(rocks.Database, database))
        {
            throw new ArgumentException($"Column '{column.Name}' does not belong to the database this batch writes to.", nameof(column));
        }

        return rocks.ColumnFamily;
    }
}
