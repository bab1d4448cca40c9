using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Nectar.Crypto.Secp256k1;

/// <summary>
/// <see cref="ISecp256k1"/> over Debian's libsecp256k1 (package libsecp256k1-1, 0.2.0, with the recovery
/// module). One context serves every thread: it is randomised once at creation and only read afterwards,
/// which the library documents as safe for concurrent use. Calls allocate nothing; the library's opaque
/// structures live on the stack.
/// </summary>
[SkipLocalsInit]
public sealed unsafe partial class LibSecp256k1 : ISecp256k1, IDisposable
{
    private const int HashLength = Secp256k1Curve.ScalarLength;
    private const int KeyLength = Secp256k1Curve.ScalarLength;
    private const int SignatureLength = Secp256k1Curve.SignatureLength;
    private const int PublicKeyLength = Secp256k1Curve.PublicKeyLength;

    private readonly Secp256k1ContextHandle _context;

    /// <summary>Loads the library and creates a randomised context.</summary>
    /// <exception cref="DllNotFoundException">
    /// libsecp256k1 is missing or lacks the recovery module; the message names the Debian package to install.
    /// </exception>
    public LibSecp256k1()
    {
        NativeLibraryCheck.EnsureLoaded();
        var context = NativeMethods.ContextCreate(NativeMethods.ContextSignAndVerify);
        if (context == 0)
        {
            throw new InvalidOperationException("secp256k1_context_create failed.");
        }

        _context = Secp256k1ContextHandle.Wrap(context);

        // Illegal arguments make the library call its callback and, by default, abort the process. Inputs
        // are validated before every call, so this only guards against a mistake here turning into a crash:
        // with a no-op callback the function returns 0 instead.
        NativeMethods.ContextSetIllegalCallback(context, &IgnoreIllegalArgument, null);

        // Blinding for signing and key generation against side channels; must happen before any sharing.
        Span<byte> seed = stackalloc byte[32];
        RandomNumberGenerator.Fill(seed);
        fixed (byte* s = seed)
        {
            if (NativeMethods.ContextRandomize(context, s) != 1)
            {
                _context.Dispose();
                throw new InvalidOperationException("secp256k1_context_randomize failed.");
            }
        }

        CryptographicOperations.ZeroMemory(seed);
    }

    /// <inheritdoc />
    public bool TryRecover(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> signatureRS64, int recoveryId, Span<byte> publicKey64)
    {
        if (publicKey64.Length < PublicKeyLength)
        {
            return false;
        }

        if (messageHash32.Length != HashLength || signatureRS64.Length != SignatureLength)
        {
            publicKey64[..PublicKeyLength].Clear();
            return false;
        }

        var lease = false;
        try
        {
            _context.DangerousAddRef(ref lease);
            fixed (byte* hash = messageHash32)
            fixed (byte* signature = signatureRS64)
            fixed (byte* output = publicKey64)
            {
                return Recover(_context.DangerousGetHandle(), hash, signature, recoveryId, output);
            }
        }
        finally
        {
            if (lease)
            {
                _context.DangerousRelease();
            }
        }
    }

    /// <inheritdoc />
    public bool TrySign(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> privateKey32, Span<byte> signatureRS64, out int recoveryId)
    {
        recoveryId = 0;
        if (messageHash32.Length != HashLength || privateKey32.Length != KeyLength || signatureRS64.Length < SignatureLength)
        {
            return false;
        }

        var lease = false;
        try
        {
            _context.DangerousAddRef(ref lease);
            var context = _context.DangerousGetHandle();
            var signature = stackalloc byte[NativeMethods.RecoverableSignatureSize];
            fixed (byte* hash = messageHash32)
            fixed (byte* key = privateKey32)
            fixed (byte* output = signatureRS64)
            {
                // A null nonce function selects RFC 6979; the library always emits low s.
                if (NativeMethods.SignRecoverable(context, signature, hash, key, 0, 0) != 1)
                {
                    new Span<byte>(output, SignatureLength).Clear();
                    return false;
                }

                int id;
                NativeMethods.RecoverableSignatureSerializeCompact(context, output, &id, signature);
                recoveryId = id;
                return true;
            }
        }
        finally
        {
            if (lease)
            {
                _context.DangerousRelease();
            }
        }
    }

    /// <inheritdoc />
    public bool TryGetPublicKey(ReadOnlySpan<byte> privateKey32, Span<byte> publicKey64)
    {
        if (privateKey32.Length != KeyLength || publicKey64.Length < PublicKeyLength)
        {
            return false;
        }

        var lease = false;
        try
        {
            _context.DangerousAddRef(ref lease);
            var context = _context.DangerousGetHandle();
            var publicKey = stackalloc byte[NativeMethods.PublicKeySize];
            fixed (byte* key = privateKey32)
            fixed (byte* output = publicKey64)
            {
                if (NativeMethods.PublicKeyCreate(context, publicKey, key) != 1)
                {
                    new Span<byte>(output, PublicKeyLength).Clear();
                    return false;
                }

                SerializeUncompressed(context, publicKey, output);
                return true;
            }
        }
        finally
        {
            if (lease)
            {
                _context.DangerousRelease();
            }
        }
    }

    /// <inheritdoc />
    public bool Verify(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> signatureRS64, ReadOnlySpan<byte> publicKey64)
    {
        if (messageHash32.Length != HashLength || signatureRS64.Length != SignatureLength || publicKey64.Length != PublicKeyLength)
        {
            return false;
        }

        var lease = false;
        try
        {
            _context.DangerousAddRef(ref lease);
            var context = _context.DangerousGetHandle();
            var encoded = stackalloc byte[NativeMethods.SerializedUncompressedSize];
            encoded[0] = 0x04;
            publicKey64.CopyTo(new Span<byte>(encoded + 1, PublicKeyLength));

            var publicKey = stackalloc byte[NativeMethods.PublicKeySize];
            var signature = stackalloc byte[NativeMethods.SignatureSize];
            fixed (byte* hash = messageHash32)
            fixed (byte* compact = signatureRS64)
            {
                if (NativeMethods.PublicKeyParse(context, publicKey, encoded, NativeMethods.SerializedUncompressedSize) != 1
                    || NativeMethods.SignatureParseCompact(context, signature, compact) != 1)
                {
                    return false;
                }

                // secp256k1_ecdsa_verify accepts only low s; normalising first makes high s verify too.
                NativeMethods.SignatureNormalize(context, signature, signature);
                return NativeMethods.Verify(context, signature, hash, publicKey) == 1;
            }
        }
        finally
        {
            if (lease)
            {
                _context.DangerousRelease();
            }
        }
    }

    /// <inheritdoc />
    public bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey32)
    {
        if (privateKey32.Length != KeyLength)
        {
            return false;
        }

        var lease = false;
        try
        {
            _context.DangerousAddRef(ref lease);
            fixed (byte* key = privateKey32)
            {
                return NativeMethods.SecretKeyVerify(_context.DangerousGetHandle(), key) == 1;
            }
        }
        finally
        {
            if (lease)
            {
                _context.DangerousRelease();
            }
        }
    }

    /// <summary>Destroys the context once no call is using it any more.</summary>
    public void Dispose() => _context.Dispose();

    /// <summary>Recovery on raw pointers; the caller holds a lease on the context and has checked lengths.</summary>
    private static bool Recover(nint context, byte* hash, byte* compact, int recoveryId, byte* output)
    {
        // The library treats a recovery id outside 0..3 as an illegal argument, not as a bad signature.
        if ((uint)recoveryId <= 3)
        {
            var signature = stackalloc byte[NativeMethods.RecoverableSignatureSize];
            var publicKey = stackalloc byte[NativeMethods.PublicKeySize];
            if (NativeMethods.RecoverableSignatureParseCompact(context, signature, compact, recoveryId) == 1
                && NativeMethods.Recover(context, publicKey, signature, hash) == 1)
            {
                SerializeUncompressed(context, publicKey, output);
                return true;
            }
        }

        new Span<byte>(output, PublicKeyLength).Clear();
        return false;
    }

    /// <summary>Writes X and Y, dropping the 0x04 prefix of the uncompressed encoding.</summary>
    private static void SerializeUncompressed(nint context, byte* publicKey, byte* output64)
    {
        var encoded = stackalloc byte[NativeMethods.SerializedUncompressedSize];
        nuint length = NativeMethods.SerializedUncompressedSize;
        NativeMethods.PublicKeySerialize(context, encoded, &length, publicKey, NativeMethods.Uncompressed);
        new ReadOnlySpan<byte>(encoded + 1, PublicKeyLength).CopyTo(new Span<byte>(output64, PublicKeyLength));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void IgnoreIllegalArgument(byte* message, void* data)
    {
    }
}
