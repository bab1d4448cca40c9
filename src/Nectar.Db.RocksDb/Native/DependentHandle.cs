using System.Runtime.InteropServices;

namespace Nectar.Db.RocksDb.Native;

/// <summary>
/// A handle to an object that must be freed before its owner (a column family, snapshot or iterator
/// before its database; an iterator or read options before their snapshot). It takes a reference on the
/// owner's handle when created and gives it back only after freeing its own object, so the owner is
/// freed last whatever order the handles are disposed or finalized in.
/// </summary>
internal abstract class DependentHandle : RocksDbHandle
{
    private readonly SafeHandle? _owner;
    private int _ownerReferenced;

    /// <summary>References <paramref name="owner"/> (if any) until this handle is released.</summary>
    /// <exception cref="ObjectDisposedException">The owner is already closed.</exception>
    protected DependentHandle(SafeHandle? owner)
    {
        if (owner is not null)
        {
            var added = false;
            owner.DangerousAddRef(ref added);
            _owner = owner;
            _ownerReferenced = added ? 1 : 0;
        }
    }

    /// <summary>The owner's native pointer, valid while this handle holds its reference.</summary>
    protected nint OwnerPointer => _owner?.DangerousGetHandle() ?? 0;

    protected override bool ReleaseHandle()
    {
        Free(handle);
        ReleaseOwner();
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);

        // ReleaseHandle runs only for a valid handle: one that never received its object gives the
        // owner's reference back here.
        if (IsInvalid)
        {
            ReleaseOwner();
        }
    }

    private void ReleaseOwner()
    {
        if (Interlocked.Exchange(ref _ownerReferenced, 0) == 1)
        {
            _owner!.DangerousRelease();
        }
    }
}
