using System.Security.Cryptography;
using System.Text;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;

namespace Nectar.Crypto.Keystore;

/// <summary>
/// Web3 Secret Storage version 3: the password-protected key files of go-ethereum, Foundry (<c>cast wallet</c>),
/// ethers and MetaMask. The key is encrypted with AES-128-CTR under the first half of a key derived from the
/// password (scrypt when writing; scrypt or PBKDF2-HMAC-SHA256 when reading), and the file carries
/// Keccak-256(second half ‖ ciphertext) as a MAC, which tells a wrong password from a damaged file.
/// </summary>
/// <remarks>
/// Thread-safe and stateless. Files are untrusted input: key-derivation parameters are bounded
/// (<see cref="ScryptParameters"/>, <see cref="MaxPbkdf2Iterations"/>) so a crafted file cannot exhaust memory or
/// time. Derived keys and plaintext are cleared after use; exceptions never carry secrets.
/// </remarks>
public static partial class Web3Keystore
{
    /// <summary>The format version this class reads and writes.</summary>
    public const int Version = 3;

    /// <summary>The length of the keys it stores: secp256k1 private keys, 32 bytes.</summary>
    public const int KeyLength = 32;

    /// <summary>The most PBKDF2 iterations a file may ask for.</summary>
    public const int MaxPbkdf2Iterations = 10_000_000;

    private const int DerivedKeyLength = 32;
    private const int SaltLength = 32;
    private const int IvLength = 16;

    /// <summary>Encrypts a private key into a version 3 keystore file with fresh random salt, IV and id.</summary>
    /// <param name="privateKey">The 32-byte private key.</param>
    /// <param name="password">The password (UTF-8 encoded, as go-ethereum does).</param>
    /// <param name="address">The key's address, written into the file so tools can list it without decrypting.</param>
    /// <param name="parameters">The scrypt cost; <see cref="ScryptParameters.Standard"/> when omitted.</param>
    /// <returns>The file's JSON text.</returns>
    /// <exception cref="ArgumentException">The key is not 32 bytes or the parameters are out of range.</exception>
    public static string Encrypt(ReadOnlySpan<byte> privateKey, string password, Address address, ScryptParameters? parameters = null)
    {
        Span<byte> salt = stackalloc byte[SaltLength];
        Span<byte> iv = stackalloc byte[IvLength];
        RandomNumberGenerator.Fill(salt);
        RandomNumberGenerator.Fill(iv);
        return Encrypt(privateKey, password, address, parameters ?? ScryptParameters.Standard, salt, iv, Guid.NewGuid());
    }

    /// <summary>Encrypts with given salt, IV and id: the deterministic core, for tests.</summary>
    internal static string Encrypt(
        ReadOnlySpan<byte> privateKey,
        string password,
        Address address,
        ScryptParameters parameters,
        ReadOnlySpan<byte> salt,
        ReadOnlySpan<byte> iv,
        Guid id)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (privateKey.Length != KeyLength)
        {
            throw new ArgumentException($"A private key is {KeyLength} bytes, got {privateKey.Length}.", nameof(privateKey));
        }

        if (parameters.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(parameters));
        }

        var derived = DeriveScrypt(password, salt, parameters);
        var ciphertext = new byte[KeyLength];
        try
        {
            AesCtr.Transform(derived.AsSpan(0, 16), iv, privateKey, ciphertext);
            var mac = ComputeMac(derived, ciphertext);
            return WriteJson(new EncryptedKey(id, address, ciphertext, iv.ToArray(), Kdf.Scrypt, salt.ToArray(), parameters, 0, mac));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    /// <summary>Decrypts a keystore file.</summary>
    /// <param name="json">The file's JSON text.</param>
    /// <param name="password">The password.</param>
    /// <returns>The 32-byte private key; clear it when done.</returns>
    /// <exception cref="KeystoreException">
    /// The file is malformed or unsupported, or the password is wrong (<see cref="KeystoreException.IsWrongPassword"/>).
    /// </exception>
    public static byte[] Decrypt(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(password);
        var key = ReadJson(json);
        var derived = key.Kdf == Kdf.Scrypt
            ? DeriveScrypt(password, key.Salt, key.Scrypt)
            : Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), key.Salt, key.Iterations, HashAlgorithmName.SHA256, DerivedKeyLength);
        try
        {
            var mac = ComputeMac(derived, key.Ciphertext);
            if (!CryptographicOperations.FixedTimeEquals(mac, key.Mac))
            {
                throw new KeystoreException("Could not decrypt the key with the given password (MAC mismatch).") { IsWrongPassword = true };
            }

            var plaintext = new byte[key.Ciphertext.Length];
            AesCtr.Transform(derived.AsSpan(0, 16), key.Iv, key.Ciphertext, plaintext);
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    /// <summary>Reads a keystore file's id and address without decrypting it.</summary>
    /// <param name="json">The file's JSON text.</param>
    /// <returns>The id and, when present, the address.</returns>
    /// <exception cref="KeystoreException">The file is malformed or unsupported.</exception>
    public static KeystoreFileInfo ReadInfo(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var key = ReadJson(json);
        return new KeystoreFileInfo(key.Id, key.Address);
    }

    /// <summary>
    /// go-ethereum's file name for a key: <c>UTC--{ISO-8601 time with dashes}--{address hex}</c>, which sorts by
    /// creation time and is found by address.
    /// </summary>
    /// <param name="address">The key's address.</param>
    /// <param name="createdAt">When the file is written.</param>
    /// <returns>The file name.</returns>
    public static string FileName(Address address, DateTimeOffset createdAt)
    {
        var time = createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH-mm-ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return $"UTC--{time}--{address.ToString()[2..]}";
    }

    private static byte[] DeriveScrypt(string password, ReadOnlySpan<byte> salt, ScryptParameters parameters)
    {
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return Scrypt.Derive(passwordBytes, salt, parameters, DerivedKeyLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    private static byte[] ComputeMac(ReadOnlySpan<byte> derived, ReadOnlySpan<byte> ciphertext)
    {
        var body = new byte[16 + ciphertext.Length];
        derived[16..32].CopyTo(body);
        ciphertext.CopyTo(body.AsSpan(16));
        var mac = new byte[32];
        Keccak256.Hash(body, mac);
        return mac;
    }

    private enum Kdf
    {
        Scrypt,
        Pbkdf2,
    }

    private sealed record EncryptedKey(
        Guid Id,
        Address? Address,
        byte[] Ciphertext,
        byte[] Iv,
        Kdf Kdf,
        byte[] Salt,
        ScryptParameters Scrypt,
        int Iterations,
        byte[] Mac);
}
