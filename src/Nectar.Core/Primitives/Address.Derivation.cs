using System.Runtime.CompilerServices;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;

namespace Nectar.Core.Primitives;

public readonly partial struct Address
{
    /// <summary>The address of a secp256k1 public key: the last 20 bytes of the Keccak-256 of its 64-byte X‖Y form.</summary>
    /// <param name="publicKey">
    /// The uncompressed public key: 64 bytes (X‖Y), or 65 bytes starting with the SEC1 tag <c>0x04</c>.
    /// </param>
    /// <returns>The account address.</returns>
    /// <exception cref="ArgumentException">The key is neither 64 bytes nor 65 bytes tagged <c>0x04</c>.</exception>
    [SkipLocalsInit]
    public static Address FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length == 65 && publicKey[0] == 0x04)
        {
            publicKey = publicKey[1..];
        }
        else if (publicKey.Length != 64)
        {
            throw new ArgumentException(
                $"An uncompressed public key is 64 bytes (X||Y) or 65 bytes starting with 0x04, got {publicKey.Length}.",
                nameof(publicKey));
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(publicKey, hash);
        return new Address(hash[(Keccak256.HashLength - Length)..]);
    }

    /// <summary>The address of a contract created with CREATE: the last 20 bytes of keccak(rlp([sender, nonce])).</summary>
    /// <param name="sender">The creating account.</param>
    /// <param name="nonce">The creator's nonce before the creation.</param>
    /// <returns>The new contract's address.</returns>
    [SkipLocalsInit]
    public static Address Create(Address sender, ulong nonce)
    {
        // At most 31 bytes: a one-byte list header, 21 for the address and 9 for the nonce.
        Span<byte> encoded = stackalloc byte[1 + Rlp.LengthOfAddress + 1 + sizeof(ulong)];
        var contentLength = Rlp.LengthOfAddress + Rlp.LengthOfUInt64(nonce);
        var writer = new RlpWriter(encoded);
        writer.WriteListHeader(contentLength);
        writer.WriteAddress(sender);
        writer.WriteUInt64(nonce);

        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(writer.Written, hash);
        return new Address(hash[(Keccak256.HashLength - Length)..]);
    }

    /// <summary>
    /// The address of a contract created with CREATE2 (EIP-1014): the last 20 bytes of
    /// keccak(0xff ‖ sender ‖ salt ‖ keccak(initCode)).
    /// </summary>
    /// <param name="sender">The creating account.</param>
    /// <param name="salt">The 32-byte salt.</param>
    /// <param name="initCodeHash">The Keccak-256 of the init code.</param>
    /// <returns>The new contract's address.</returns>
    [SkipLocalsInit]
    public static Address Create2(Address sender, Hash256 salt, Hash256 initCodeHash)
    {
        Span<byte> preimage = stackalloc byte[1 + Length + Hash256.Length + Hash256.Length];
        preimage[0] = 0xFF;
        sender.CopyTo(preimage[1..]);
        salt.CopyTo(preimage[(1 + Length)..]);
        initCodeHash.CopyTo(preimage[(1 + Length + Hash256.Length)..]);

        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(preimage, hash);
        return new Address(hash[(Keccak256.HashLength - Length)..]);
    }

    /// <summary>The CREATE2 address for the given init code; see <see cref="Create2(Address, Hash256, Hash256)"/>.</summary>
    /// <param name="sender">The creating account.</param>
    /// <param name="salt">The 32-byte salt.</param>
    /// <param name="initCode">The init code.</param>
    /// <returns>The new contract's address.</returns>
    public static Address Create2(Address sender, Hash256 salt, ReadOnlySpan<byte> initCode) =>
        Create2(sender, salt, Keccak256.Compute(initCode));
}
