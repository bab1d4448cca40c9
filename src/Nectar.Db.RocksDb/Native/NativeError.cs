using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nectar.Db.RocksDb.Native;

/// <summary>Turns a RocksDB <c>errptr</c> result into an exception carrying RocksDB's own message.</summary>
internal static class NativeError
{
    /// <summary>Throws when <paramref name="error"/> is set; the check inlines, the throw stays off the hot path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfSet(nint error, string operation)
    {
        if (error != 0)
        {
            Throw(error, operation);
        }
    }

    /// <summary>Reads and frees the error string (with <c>rocksdb_free</c>, as it was malloc'ed by RocksDB).</summary>
    public static string TakeMessage(nint error)
    {
        try
        {
            return Marshal.PtrToStringUTF8(error) ?? "unknown error";
        }
        finally
        {
            RocksDbNative.rocksdb_free(error);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(nint error, string operation)
    {
        var message = TakeMessage(error);
        throw new RocksDbException($"RocksDB {operation} failed: {message}", message);
    }
}
