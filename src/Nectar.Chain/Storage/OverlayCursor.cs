using Nectar.Db;

namespace Nectar.Chain.Storage;

/// <summary>A cursor over entries materialised when the scan was opened.</summary>
internal sealed class OverlayCursor(List<KeyValuePair<byte[], byte[]>> entries) : IKeyValueCursor
{
    private int _position = -1;
    private bool _disposed;

    public ReadOnlySpan<byte> Key => Current.Key;

    public ReadOnlySpan<byte> Value => Current.Value;

    private KeyValuePair<byte[], byte[]> Current
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if ((uint)_position >= (uint)entries.Count)
            {
                throw new InvalidOperationException("The cursor is not on an entry: call MoveNext first and check its result.");
            }

            return entries[_position];
        }
    }

    public bool MoveNext()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_position < entries.Count)
        {
            _position++;
        }

        return _position < entries.Count;
    }

    public void Dispose() => _disposed = true;
}
