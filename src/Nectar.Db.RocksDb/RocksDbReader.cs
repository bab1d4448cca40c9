using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nectar.Db.RocksDb.Native;

namespace Nectar.Db.RocksDb;

/// <summary>
/// Point reads and scans of one column family through a fixed set of read options: the database's
/// defaults for a live column, or options bound to a snapshot. Point reads use pinnable slices, so a value
/// is copied at most once, straight from RocksDB's block cache or memtable into the caller's memory.
/// </summary>
[SkipLocalsInit]
internal unsafe class RocksDbReader(RocksDbDatabase database, string name, ColumnFamilyHandle columnFamily, ReadOptionsHandle readOptions, SnapshotHandle? snapshot)
    : IReadOnlyKeyValueStore
{
    // Prefix-end keys up to this size are built on the stack.
    private const int StackKeyLimit = 256;

    public string Name { get; } = name;

    public RocksDbDatabase Database { get; } = database;

    public ColumnFamilyHandle ColumnFamily { get; } = columnFamily;

    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        // The pinnable slice lives only inside this call, so it is destroyed in finally rather than wrapped
        // in a SafeHandle that would cost an allocation per read.
        var slice = GetPinned(key);
        if (slice == 0)
        {
            return null;
        }

        try
        {
            return ValueOf(slice).ToArray();
        }
        finally
        {
            RocksDbNative.rocksdb_pinnableslice_destroy(slice);
        }
    }

    public bool TryGet(ReadOnlySpan<byte> key, Span<byte> destination, out int length)
    {
        var slice = GetPinned(key);
        if (slice == 0)
        {
            length = -1;
            return false;
        }

        try
        {
            var value = ValueOf(slice);
            length = value.Length;
            if (value.Length <= destination.Length)
            {
                value.CopyTo(destination);
            }

            return true;
        }
        finally
        {
            RocksDbNative.rocksdb_pinnableslice_destroy(slice);
        }
    }

    public bool TryRead<TState, TResult>(ReadOnlySpan<byte> key, TState state, ValueReader<TState, TResult> reader, out TResult result)
        where TState : allows ref struct
    {
        ArgumentNullException.ThrowIfNull(reader);
        var slice = GetPinned(key);
        if (slice == 0)
        {
            result = default!;
            return false;
        }

        try
        {
            result = reader(ValueOf(slice), state);
            return true;
        }
        finally
        {
            RocksDbNative.rocksdb_pinnableslice_destroy(slice);
        }
    }

    public bool Has(ReadOnlySpan<byte> key)
    {
        var slice = GetPinned(key);
        if (slice == 0)
        {
            return false;
        }

        RocksDbNative.rocksdb_pinnableslice_destroy(slice);
        return true;
    }

    public IKeyValueCursor ScanPrefix(ReadOnlySpan<byte> prefix, ScanDirection direction = ScanDirection.Forward)
    {
        var end = prefix.Length <= StackKeyLimit ? stackalloc byte[StackKeyLimit] : new byte[prefix.Length];
        var endLength = KeyBounds.PrefixEnd(prefix, end);
        return endLength < 0
            ? Open(prefix, default, hasUpper: false, direction)
            : Open(prefix, end[..endLength], hasUpper: true, direction);
    }

    public IKeyValueCursor ScanRange(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, ScanDirection direction = ScanDirection.Forward) =>
        Open(start, end, hasUpper: true, direction);

    private RocksDbCursor Open(ReadOnlySpan<byte> lower, ReadOnlySpan<byte> upper, bool hasUpper, ScanDirection direction) =>
        new(IteratorHandle.Create(Database.Handle, ColumnFamily, snapshot, lower, upper, hasUpper), direction);

    private nint GetPinned(ReadOnlySpan<byte> key)
    {
        nint error = 0;
        nint slice;
        fixed (byte* k = &MemoryMarshal.GetReference(key))
        {
            slice = RocksDbNative.rocksdb_get_pinned_cf(Database.Handle, readOptions, ColumnFamily, NativeKey.NonNull(k), (nuint)key.Length, &error);
        }

        NativeError.ThrowIfSet(error, "get");
        return slice;
    }

    private static ReadOnlySpan<byte> ValueOf(nint slice)
    {
        nuint length;
        var value = RocksDbNative.rocksdb_pinnableslice_value(slice, &length);
        return new ReadOnlySpan<byte>(value, checked((int)length));
    }
}
