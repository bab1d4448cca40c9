using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nectar.Db.RocksDb.Native;

/// <summary>
/// Pointers for spans handed to RocksDB. The C API wants every pointer non-null, but pinning an empty span
/// may yield null; empty keys and values then point at a one-byte buffer that lives as long as the process.
/// </summary>
internal static unsafe class NativeKey
{
    private static readonly nint EmptyBuffer = (nint)NativeMemory.AllocZeroed(1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* NonNull(byte* pointer) => pointer != null ? pointer : (byte*)EmptyBuffer;
}
