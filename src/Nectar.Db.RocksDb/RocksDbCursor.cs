using Nectar.Db.RocksDb.Native;

namespace Nectar.Db.RocksDb;

/// <summary>
/// Walks a RocksDB iterator whose bounds already limit it to the scanned range. Key and value spans point
/// into RocksDB's memory and stay valid until the next move; the value is fetched only when asked for.
/// </summary>
internal sealed unsafe class RocksDbCursor(IteratorHandle handle, ScanDirection direction) : IKeyValueCursor
{
    private readonly nint _iterator = handle.DangerousGetHandle();
    private readonly bool _forward = direction == ScanDirection.Forward;
    private bool _started;
    private bool _valid;
    private bool _disposed;
    private byte* _key;
    private int _keyLength;
    private byte* _value;
    private int _valueLength = -1;

    public ReadOnlySpan<byte> Key
    {
        get
        {
            ThrowIfNotOnEntry();
            return new ReadOnlySpan<byte>(_key, _keyLength);
        }
    }

    public ReadOnlySpan<byte> Value
    {
        get
        {
            ThrowIfNotOnEntry();
            if (_valueLength < 0)
            {
                nuint length;
                _value = RocksDbNative.rocksdb_iter_value(_iterator, &length);
                _valueLength = checked((int)length);
            }

            return new ReadOnlySpan<byte>(_value, _valueLength);
        }
    }

    public bool MoveNext()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_started)
        {
            // The bounds set on the read options make these land on the first (last) key in range.
            _started = true;
            if (_forward)
            {
                RocksDbNative.rocksdb_iter_seek_to_first(_iterator);
            }
            else
            {
                RocksDbNative.rocksdb_iter_seek_to_last(_iterator);
            }
        }
        else if (!_valid)
        {
            // RocksDB forbids moving an iterator that is not valid.
            return false;
        }
        else if (_forward)
        {
            RocksDbNative.rocksdb_iter_next(_iterator);
        }
        else
        {
            RocksDbNative.rocksdb_iter_prev(_iterator);
        }

        _valueLength = -1;
        _valid = RocksDbNative.rocksdb_iter_valid(_iterator) != 0;
        if (!_valid)
        {
            // An iterator also stops on an I/O or corruption error, which must not pass for the end of the range.
            nint error = 0;
            RocksDbNative.rocksdb_iter_get_error(_iterator, &error);
            NativeError.ThrowIfSet(error, "iteration");
            return false;
        }

        nuint keyLength;
        _key = RocksDbNative.rocksdb_iter_key(_iterator, &keyLength);
        _keyLength = checked((int)keyLength);
        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        _valid = false;
        handle.Dispose();
    }

    private void ThrowIfNotOnEntry()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_valid)
        {
            throw new InvalidOperationException("The cursor is not on an entry: call MoveNext first and check its result.");
        }
    }
}
