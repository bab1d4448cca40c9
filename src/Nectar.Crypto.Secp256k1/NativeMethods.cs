using System.Runtime.InteropServices;

namespace Nectar.Crypto.Secp256k1;

/// <summary>
/// The libsecp256k1 functions Nectar uses (0.2.0 ABI, with the recovery module). Every parameter is
/// blittable, so the generated stubs are plain calls. The library's opaque structures are passed as byte
/// pointers to stack buffers: secp256k1_pubkey and secp256k1_ecdsa_signature are 64 bytes,
/// secp256k1_ecdsa_recoverable_signature is 65.
/// </summary>
internal static unsafe partial class NativeMethods
{
    /// <summary>The soname of Debian's libsecp256k1-1 package.</summary>
    public const string LibraryName = "libsecp256k1.so.1";

    public const int PublicKeySize = 64;
    public const int SignatureSize = 64;
    public const int RecoverableSignatureSize = 65;
    public const int SerializedUncompressedSize = 65;

    /// <summary>SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY; 0.2.0 ignores the distinction but older builds need it.</summary>
    public const uint ContextSignAndVerify = 0x0301;

    /// <summary>SECP256K1_EC_UNCOMPRESSED.</summary>
    public const uint Uncompressed = 0x0002;

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_context_create")]
    public static partial nint ContextCreate(uint flags);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_context_destroy")]
    public static partial void ContextDestroy(nint context);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_context_randomize")]
    public static partial int ContextRandomize(nint context, byte* seed32);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_context_set_illegal_callback")]
    public static partial void ContextSetIllegalCallback(nint context, delegate* unmanaged[Cdecl]<byte*, void*, void> callback, void* data);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_recoverable_signature_parse_compact")]
    public static partial int RecoverableSignatureParseCompact(nint context, byte* signature, byte* input64, int recoveryId);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_recoverable_signature_serialize_compact")]
    public static partial int RecoverableSignatureSerializeCompact(nint context, byte* output64, int* recoveryId, byte* signature);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_recover")]
    public static partial int Recover(nint context, byte* publicKey, byte* signature, byte* messageHash32);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_sign_recoverable")]
    public static partial int SignRecoverable(nint context, byte* signature, byte* messageHash32, byte* secretKey32, nint nonceFunction, nint nonceData);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ec_pubkey_serialize")]
    public static partial int PublicKeySerialize(nint context, byte* output, nuint* outputLength, byte* publicKey, uint flags);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ec_pubkey_parse")]
    public static partial int PublicKeyParse(nint context, byte* publicKey, byte* input, nuint inputLength);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ec_pubkey_create")]
    public static partial int PublicKeyCreate(nint context, byte* publicKey, byte* secretKey32);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ec_seckey_verify")]
    public static partial int SecretKeyVerify(nint context, byte* secretKey32);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_signature_parse_compact")]
    public static partial int SignatureParseCompact(nint context, byte* signature, byte* input64);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_signature_normalize")]
    public static partial int SignatureNormalize(nint context, byte* output, byte* input);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_verify")]
    public static partial int Verify(nint context, byte* signature, byte* messageHash32, byte* publicKey);
}
