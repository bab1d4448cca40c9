using System.Runtime.InteropServices;

namespace Nectar.Db.RocksDb.Native;

/// <summary>
/// Owns one RocksDB object: zero is invalid, and <see cref="Free"/> runs exactly once, when the handle is
/// disposed or finalized and no call is still using it.
/// </summary>
internal abstract class RocksDbHandle : SafeHandle
{
    protected RocksDbHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>Takes ownership of a freshly created object.</summary>
    /// <exception cref="RocksDbException">RocksDB returned no object.</exception>
    public void Attach(nint pointer)
    {
        if (pointer == 0)
        {
            throw new RocksDbException($"RocksDB returned no object for {GetType().Name}.");
        }

        SetHandle(pointer);
    }

    protected override bool ReleaseHandle()
    {
        Free(handle);
        return true;
    }

    protected abstract void Free(nint pointer);
}
