using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Crypto.Keys;

/// <summary>
/// A BIP-32 extended private key on secp256k1: a private key and a chain code, from which hardened and normal
/// children derive. Public keys come from the managed curve arithmetic in this folder.
/// </summary>
/// <remarks>
/// <para>
/// Meant for development and test keys (the devnet's accounts): the arithmetic is exact but not constant-time.
/// The text form shows the path and address only; the key leaves the object only through
/// <see cref="ExportPrivateKey"/>.
/// </para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
[SkipLocalsInit]
public sealed class ExtendedPrivateKey
{
    private const int KeyLength = Secp256k1Curve.ScalarLength;
    private static readonly byte[] MasterHmacKey = "Bitcoin seed"u8.ToArray();

    private readonly byte[] _key;
    private readonly byte[] _chainCode;
    private readonly Lazy<byte[]> _publicKey;

    private ExtendedPrivateKey(byte[] key, byte[] chainCode, KeyPath path, uint parentFingerprint)
    {
        _key = key;
        _chainCode = chainCode;
        Path = path;
        ParentFingerprint = parentFingerprint;
        _publicKey = new Lazy<byte[]>(ComputePublicKey, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Where this key sits below the master key.</summary>
    public KeyPath Path { get; }

    /// <summary>The number of derivation steps from the master key.</summary>
    public int Depth => Path.Depth;

    /// <summary>The index this key was derived with (hardened ones including <see cref="KeyPath.HardenedOffset"/>); zero for the master.</summary>
    public uint ChildNumber => Path.Depth == 0 ? 0 : Path.Indices[^1];

    /// <summary>The first four bytes of the parent's key identifier, big-endian; zero for the master.</summary>
    public uint ParentFingerprint { get; }

    /// <summary>The first four bytes of this key's identifier (HASH160 of the compressed public key), big-endian.</summary>
    public uint Fingerprint
    {
        get
        {
            Span<byte> compressed = stackalloc byte[Secp256k1Points.CompressedLength];
            Secp256k1Points.Compress(PublicKey, compressed);
            Span<byte> sha = stackalloc byte[Sha256.HashLength];
            Sha256.Hash(compressed, sha);
            Span<byte> identifier = stackalloc byte[20];
            Ripemd160.Hash(sha, identifier);
            return BinaryPrimitives.ReadUInt32BigEndian(identifier);
        }
    }

    /// <summary>The uncompressed public key, X then Y (64 bytes, without the 0x04 tag).</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey.Value;

    /// <summary>The Ethereum address of the key.</summary>
    public Address Address => Address.FromPublicKey(PublicKey);

    /// <summary>The master key of a seed: HMAC-SHA512 keyed with <c>"Bitcoin seed"</c>.</summary>
    /// <param name="seed">The seed, 16 to 64 bytes (a BIP-39 seed is 64).</param>
    /// <returns>The master key, path <c>m</c>.</returns>
    /// <exception cref="ArgumentException">The seed's length is outside 16..64 bytes, or it yields an invalid key (probability below 2^-127).</exception>
    public static ExtendedPrivateKey FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length is < 16 or > 64)
        {
            throw new ArgumentException($"A BIP-32 seed is 16 to 64 bytes, got {seed.Length}.", nameof(seed));
        }

        Span<byte> digest = stackalloc byte[64];
        HMACSHA512.HashData(MasterHmacKey, seed, digest);
        try
        {
            if (!Secp256k1Curve.IsInScalarRange(digest[..KeyLength]))
            {
                throw new ArgumentException("The seed yields an invalid master key; BIP-32 asks for another seed.", nameof(seed));
            }

            return new ExtendedPrivateKey(digest[..KeyLength].ToArray(), digest[KeyLength..].ToArray(), KeyPath.Master, 0);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(digest);
        }
    }

    /// <summary>The master key of a BIP-39 mnemonic sentence (<see cref="Bip39.DeriveSeed"/>).</summary>
    /// <param name="mnemonic">The sentence.</param>
    /// <param name="passphrase">The optional passphrase.</param>
    /// <returns>The master key.</returns>
    public static ExtendedPrivateKey FromMnemonic(string mnemonic, string passphrase = "")
    {
        var seed = Bip39.DeriveSeed(mnemonic, passphrase);
        try
        {
            return FromSeed(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>
    /// Derives a child (BIP-32 CKDpriv). A hardened child (index at or above <see cref="KeyPath.HardenedOffset"/>)
    /// hashes the private key; a normal child hashes the compressed public key, so its public key can also be
    /// derived from the parent's public key alone.
    /// </summary>
    /// <param name="index">The child index.</param>
    /// <returns>The child key.</returns>
    /// <exception cref="InvalidOperationException">
    /// The index yields an invalid key (probability below 2^-127); BIP-32 then moves on to the next index, a choice
    /// left to the caller.
    /// </exception>
    public ExtendedPrivateKey Derive(uint index)
    {
        Span<byte> data = stackalloc byte[1 + KeyLength + sizeof(uint)];
        if (index >= KeyPath.HardenedOffset)
        {
            data[0] = 0;
            _key.CopyTo(data[1..]);
        }
        else
        {
            Secp256k1Points.Compress(PublicKey, data[..Secp256k1Points.CompressedLength]);
        }

        BinaryPrimitives.WriteUInt32BigEndian(data[(1 + KeyLength)..], index);
        Span<byte> digest = stackalloc byte[64];
        HMACSHA512.HashData(_chainCode, data, digest);
        try
        {
            var tweak = new UInt256(digest[..KeyLength]);
            if (tweak >= Secp256k1Points.Order)
            {
                throw InvalidChild(index);
            }

            var child = Secp256k1Points.AddModOrder(tweak, new UInt256(_key));
            if (child.IsZero)
            {
                throw InvalidChild(index);
            }

            return new ExtendedPrivateKey(child.ToBigEndian(), digest[KeyLength..].ToArray(), Path.Child(index), Fingerprint);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(data);
            CryptographicOperations.ZeroMemory(digest);
        }
    }

    /// <summary>Derives the descendant reached by following <paramref name="path"/>'s steps from this key.</summary>
    /// <param name="path">The steps (from the master key, <c>m/…</c> is the absolute path).</param>
    /// <returns>The descendant; this key for <see cref="KeyPath.Master"/>.</returns>
    public ExtendedPrivateKey Derive(KeyPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var key = this;
        foreach (var index in path.Indices)
        {
            key = key.Derive(index);
        }

        return key;
    }

    /// <summary>A copy of the 32-byte private key, big-endian. The caller owns the copy and should clear it after use.</summary>
    /// <returns>The private key.</returns>
    public byte[] ExportPrivateKey() => (byte[])_key.Clone();

    /// <summary>The path and address; never the key.</summary>
    /// <returns>For example <c>m/44'/60'/0'/0/0 0xf39f…2266</c>.</returns>
    public override string ToString() => $"{Path} {Address.ToChecksumString()}";

    /// <summary>The BIP-32 serialization (<c>xprv…</c>, or <c>xpub…</c> for the public half) for the test vectors.</summary>
    internal string Serialize(bool includePrivate)
    {
        Span<byte> payload = stackalloc byte[78];
        BinaryPrimitives.WriteUInt32BigEndian(payload, includePrivate ? 0x0488ADE4u : 0x0488B21Eu);
        payload[4] = (byte)Depth;
        BinaryPrimitives.WriteUInt32BigEndian(payload[5..], ParentFingerprint);
        BinaryPrimitives.WriteUInt32BigEndian(payload[9..], ChildNumber);
        _chainCode.CopyTo(payload[13..]);
        if (includePrivate)
        {
            payload[45] = 0;
            _key.CopyTo(payload[46..]);
        }
        else
        {
            Secp256k1Points.Compress(PublicKey, payload[45..]);
        }

        try
        {
            return Base58Check.Encode(payload);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }
    }

    private static InvalidOperationException InvalidChild(uint index) =>
        new($"Child {index} of this key is invalid under BIP-32 (a chance below 2^-127); derive the next index instead.");

    private byte[] ComputePublicKey()
    {
        var publicKey = new byte[Secp256k1Curve.PublicKeyLength];
        if (!Secp256k1Points.TryGetPublicKey(_key, publicKey))
        {
            // Construction only admits keys in [1, n - 1].
            throw new InvalidOperationException("The private key is out of range.");
        }

        return publicKey;
    }
}
