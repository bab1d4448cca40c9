using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nectar.Db.RocksDb.Native;

namespace Nectar.Db.RocksDb;

/// <summary>A live column family: reads see the latest writes, single writes go through the WAL without fsync.</summary>
[SkipLocalsInit]
internal sealed unsafe class RocksDbColumn(RocksDbDatabase database, string name, ColumnFamilyHandle columnFamily, ReadOptionsHandle readOptions)
    : RocksDbReader(database, name, columnFamily, readOptions, snapshot: null), IKeyValueStore
{
    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        nint error = 0;
        fixed (byte* k = &MemoryMarshal.GetReference(key))
        fixed (byte* v = &MemoryMarshal.GetReference(value))
        {
            RocksDbNative.rocksdb_put_cf(
                Database.Handle,
                Database.WriteOptions(WriteDurability.Buffered),
                ColumnFamily,
                NativeKey.NonNull(k),
                (nuint)key.Length,
                NativeKey.NonNull(v),
                (nuint)value.Length,
                &error);
        }

        NativeError.ThrowIfSet(error, "put");
    }

    public void Delete(ReadOnlySpan<byte> key)
    {
        nint error = 0;
        fixed (byte* k = &MemoryMarshal.GetReference(key))
        {
            RocksDbNative.rocksdb_delete_cf(
                Database.Handle,
                Database.WriteOptions(WriteDurability.Buffered),
                ColumnFamily,
                NativeKey.NonNull(k),
                (nuint)key.Length,
                &error);
        }

        NativeError.ThrowIfSet(error, "delete");
    }
}
