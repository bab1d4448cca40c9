using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.State;

/// <summary>
/// An account as the account trie stores it: nonce, balance, storage root and code hash. Immutable; the
/// journaled <see cref="WorldState"/> keeps its own mutable copy while a block executes.
/// </summary>
public readonly struct Account : IEquatable<Account>
{
    /// <summary>A freshly created account: zero nonce and balance, no storage, no code.</summary>
    public static readonly Account Empty = new(0, UInt256.Zero, Hash256.EmptyTrieRoot, Keccak256.OfEmpty);

    /// <summary>Creates an account from its four fields.</summary>
    /// <param name="nonce">The number of transactions sent (or contracts created, for a contract).</param>
    /// <param name="balance">The balance in wei.</param>
    /// <param name="storageRoot">The root of the account's storage trie.</param>
    /// <param name="codeHash">The Keccak-256 of the account's code.</param>
    public Account(ulong nonce, in UInt256 balance, in Hash256 storageRoot, in Hash256 codeHash)
    {
        Nonce = nonce;
        Balance = balance;
        StorageRoot = storageRoot;
        CodeHash = codeHash;
    }

    /// <summary>The nonce.</summary>
    public ulong Nonce { get; }

    /// <summary>The balance in wei.</summary>
    public UInt256 Balance { get; }

    /// <summary>The root of the storage trie; <see cref="Hash256.EmptyTrieRoot"/> when the account has no storage.</summary>
    public Hash256 StorageRoot { get; }

    /// <summary>The Keccak-256 of the code; <see cref="Keccak256.OfEmpty"/> when the account has no code.</summary>
    public Hash256 CodeHash { get; }

    /// <summary>Whether the account has code.</summary>
    public bool HasCode => CodeHash != Keccak256.OfEmpty;

    /// <summary>Whether the account has storage.</summary>
    public bool HasStorage => StorageRoot != Hash256.EmptyTrieRoot;

    /// <summary>Emptiness as EIP-161 defines it: zero nonce, zero balance and no code (storage does not count).</summary>
    public bool IsEmpty => Nonce == 0 && Balance.IsZero && !HasCode;

    /// <summary>Length of the RLP encoding, <c>[nonce, balance, storageRoot, codeHash]</c>.</summary>
    public int EncodedLength => Rlp.LengthOfList(ContentLength);

    private int ContentLength => Rlp.LengthOfUInt64(Nonce) + Rlp.LengthOfUInt256(Balance) + (2 * Rlp.LengthOfHash256);

    /// <summary>Returns a copy with another nonce.</summary>
    /// <param name="nonce">The new nonce.</param>
    /// <returns>The changed account.</returns>
    public Account WithNonce(ulong nonce) => new(nonce, Balance, StorageRoot, CodeHash);

    /// <summary>Returns a copy with another balance.</summary>
    /// <param name="balance">The new balance.</param>
    /// <returns>The changed account.</returns>
    public Account WithBalance(in UInt256 balance) => new(Nonce, balance, StorageRoot, CodeHash);

    /// <summary>Returns a copy with another storage root.</summary>
    /// <param name="storageRoot">The new storage root.</param>
    /// <returns>The changed account.</returns>
    public Account WithStorageRoot(in Hash256 storageRoot) => new(Nonce, Balance, storageRoot, CodeHash);

    /// <summary>Returns a copy with another code hash.</summary>
    /// <param name="codeHash">The new code hash.</param>
    /// <returns>The changed account.</returns>
    public Account WithCodeHash(in Hash256 codeHash) => new(Nonce, Balance, StorageRoot, codeHash);

    /// <summary>Writes the RLP encoding, <c>[nonce, balance, storageRoot, codeHash]</c>.</summary>
    /// <param name="destination">At least <see cref="EncodedLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public int Encode(Span<byte> destination)
    {
        var writer = new RlpWriter(destination);
        writer.WriteListHeader(ContentLength);
        writer.WriteUInt64(Nonce);
        writer.WriteUInt256(Balance);
        writer.WriteHash256(StorageRoot);
        writer.WriteHash256(CodeHash);
        return writer.Position;
    }

    /// <summary>Returns the RLP encoding in a new array.</summary>
    /// <returns>The encoded account.</returns>
    public byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        Encode(bytes);
        return bytes;
    }

    /// <summary>Decodes <c>[nonce, balance, storageRoot, codeHash]</c>.</summary>
    /// <param name="encoded">The RLP of exactly one account.</param>
    /// <returns>The account.</returns>
    /// <exception cref="RlpException">The input is not a canonical account encoding.</exception>
    public static Account Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new RlpReader(encoded);
        var list = reader.ReadList();
        var nonce = list.ReadUInt64();
        var balance = list.ReadUInt256();
        var storageRoot = list.ReadHash256();
        var codeHash = list.ReadHash256();
        list.EnsureEnd();
        reader.EnsureEnd();
        return new Account(nonce, balance, storageRoot, codeHash);
    }

    /// <inheritdoc />
    public bool Equals(Account other) =>
        Nonce == other.Nonce && Balance == other.Balance && StorageRoot == other.StorageRoot && CodeHash == other.CodeHash;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Account other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Nonce, Balance, StorageRoot, CodeHash);

    /// <summary>Compares two accounts field by field.</summary>
    /// <param name="left">The first account.</param>
    /// <param name="right">The second account.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(Account left, Account right) => left.Equals(right);

    /// <summary>Compares two accounts field by field.</summary>
    /// <param name="left">The first account.</param>
    /// <param name="right">The second account.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(Account left, Account right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => $"nonce {Nonce}, balance {Balance}, storage {StorageRoot}, code {CodeHash}";
}
