using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Nectar.Core.Primitives;

namespace Nectar.Core.Transactions;

/// <summary>
/// One entry of an EIP-2930 access list: an address the transaction warms up front and the storage keys of
/// that address it warms with it.
/// </summary>
public readonly struct AccessListItem : IEquatable<AccessListItem>
{
    private readonly ImmutableArray<Hash256> _storageKeys;

    /// <summary>Creates an entry.</summary>
    /// <param name="address">The account to warm.</param>
    /// <param name="storageKeys">Its storage slots to warm, as 32-byte keys (may be empty).</param>
    public AccessListItem(Address address, ImmutableArray<Hash256> storageKeys)
    {
        Address = address;
        _storageKeys = storageKeys;
    }

    /// <summary>The account to warm.</summary>
    public Address Address { get; }

    /// <summary>The storage keys to warm; never a default (uninitialised) array.</summary>
    public ImmutableArray<Hash256> StorageKeys => _storageKeys.IsDefault ? [] : _storageKeys;

    /// <summary>Whether two entries name the same address and the same keys in the same order.</summary>
    public static bool operator ==(AccessListItem left, AccessListItem right) => left.Equals(right);

    /// <summary>Whether two entries differ in address or keys.</summary>
    public static bool operator !=(AccessListItem left, AccessListItem right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(AccessListItem other) =>
        Address == other.Address && StorageKeys.AsSpan().SequenceEqual(other.StorageKeys.AsSpan());

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is AccessListItem other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Address, StorageKeys.Length);
}
