using System.Runtime.InteropServices;

namespace Nectar.Crypto.Secp256k1;

/// <summary>
/// Loads libsecp256k1 up front so that a missing library, or one built without the recovery module, fails
/// with a message saying what to install instead of a bare DllNotFoundException on the first call.
/// </summary>
internal static class NativeLibraryCheck
{
    /// <summary>The Debian package that provides the library.</summary>
    public const string DebianPackage = "libsecp256k1-1";

    private static readonly Lazy<string?> DefaultLibraryError = new(() => Probe(NativeMethods.LibraryName));

    /// <summary>Throws a <see cref="DllNotFoundException"/> with installation advice when the library is unusable.</summary>
    public static void EnsureLoaded()
    {
        if (DefaultLibraryError.Value is { } error)
        {
            throw new DllNotFoundException(error);
        }
    }

    /// <summary>Tries to load <paramref name="libraryName"/>; returns why it is unusable, or null when it is fine.</summary>
    internal static string? Probe(string libraryName)
    {
        if (!NativeLibrary.TryLoad(libraryName, out var library))
        {
            return $"The native library {libraryName} could not be loaded. Install the Debian package {DebianPackage} "
                + $"(sudo apt-get install {DebianPackage}; scripts/bootstrap.sh does this).";
        }

        if (!NativeLibrary.TryGetExport(library, "secp256k1_ecdsa_recover", out _)
            || !NativeLibrary.TryGetExport(library, "secp256k1_ecdsa_sign_recoverable", out _))
        {
            return $"The native library {libraryName} was built without the ECDSA recovery module. "
                + $"Install Debian's {DebianPackage}, which includes it.";
        }

        return null;
    }
}
