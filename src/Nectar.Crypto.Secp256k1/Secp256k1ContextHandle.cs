using Microsoft.Win32.SafeHandles;

namespace Nectar.Crypto.Secp256k1;

/// <summary>Owns a secp256k1_context and destroys it exactly once, after the last call using it has returned.</summary>
internal sealed class Secp256k1ContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public Secp256k1ContextHandle()
        : base(ownsHandle: true)
    {
    }

    public static Secp256k1ContextHandle Wrap(nint context)
    {
        var handle = new Secp256k1ContextHandle();
        handle.SetHandle(context);
        return handle;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.ContextDestroy(handle);
        return true;
    }
}
