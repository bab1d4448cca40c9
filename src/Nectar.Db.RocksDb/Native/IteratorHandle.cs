using System.Runtime.InteropServices;

namespace Nectar.Db.RocksDb.Native;

/// <summary>
/// A <c>rocksdb_iterator_t</c> together with what it points into: its read options (RocksDB keeps a
/// pointer to their bound slices) and the native buffer holding the bound keys. All three are freed
/// together, iterator first; the owner (database or snapshot) outlives them.
/// </summary>
internal sealed unsafe class IteratorHandle : DependentHandle
{
    private nint _readOptions;
    private byte* _bounds;

    private IteratorHandle(SafeHandle owner)
        : base(owner)
    {
    }

    /// <summary>
    /// Creates an iterator over <paramref name="columnFamily"/> limited to [<paramref name="lower"/>,
    /// <paramref name="upper"/>) (no upper limit when <paramref name="hasUpper"/> is false), reading at
    /// <paramref name="snapshot"/> when given.
    /// </summary>
    public static IteratorHandle Create(
        DatabaseHandle database,
        ColumnFamilyHandle columnFamily,
        SnapshotHandle? snapshot,
        ReadOnlySpan<byte> lower,
        ReadOnlySpan<byte> upper,
        bool hasUpper)
    {
        var iterator = new IteratorHandle(snapshot is null ? database : snapshot);
        nint readOptions = 0;
        byte* bounds = null;
        try
        {
            // One buffer for both bounds (at least one byte, so the pointers are never null).
            bounds = (byte*)NativeMemory.Alloc((nuint)Math.Max(1, lower.Length + upper.Length));
            lower.CopyTo(new Span<byte>(bounds, lower.Length));
            upper.CopyTo(new Span<byte>(bounds + lower.Length, upper.Length));

            readOptions = RocksDbNative.rocksdb_readoptions_create();
            if (readOptions == 0)
            {
                throw new RocksDbException("RocksDB returned no read options.");
            }

            if (snapshot is not null)
            {
                RocksDbNative.rocksdb_readoptions_set_snapshot(readOptions, snapshot.DangerousGetHandle());
            }

            if (!lower.IsEmpty)
            {
                RocksDbNative.rocksdb_readoptions_set_iterate_lower_bound(readOptions, bounds, (nuint)lower.Length);
            }

            if (hasUpper)
            {
                RocksDbNative.rocksdb_readoptions_set_iterate_upper_bound(readOptions, bounds + lower.Length, (nuint)upper.Length);
            }

            var pointer = RocksDbNative.rocksdb_create_iterator_cf(database, readOptions, columnFamily);
            if (pointer == 0)
            {
                throw new RocksDbException("RocksDB returned no iterator.");
            }

            iterator._readOptions = readOptions;
            iterator._bounds = bounds;
            readOptions = 0;
            bounds = null;
            iterator.Attach(pointer);
            return iterator;
        }
        catch
        {
            if (readOptions != 0)
            {
                RocksDbNative.rocksdb_readoptions_destroy(readOptions);
            }

            NativeMemory.Free(bounds);
            iterator.Dispose();
            throw;
        }
    }

    protected override void Free(nint pointer)
    {
        RocksDbNative.rocksdb_iter_destroy(pointer);
        RocksDbNative.rocksdb_readoptions_destroy(_readOptions);
        NativeMemory.Free(_bounds);
    }
}
