using Nectar.Core.Numerics;

namespace Nectar.Contracts.Storage;

/// <summary>A type in a compiler storage layout.</summary>
public sealed class StorageType
{
    private readonly StorageVariable[] _members;

    /// <summary>Creates a type entry.</summary>
    /// <param name="id">The compiler's identifier.</param>
    /// <param name="label">The Solidity type, e.g. <c>uint64</c>, <c>struct AccountRegistry.Member</c>.</param>
    /// <param name="encoding">How it is laid out.</param>
    /// <param name="numberOfBytes">Its size in storage.</param>
    /// <param name="keyTypeId">The key type of a mapping.</param>
    /// <param name="valueTypeId">The value type of a mapping.</param>
    /// <param name="baseTypeId">The element type of an array.</param>
    /// <param name="members">The members of a struct.</param>
    public StorageType(
        string id,
        string label,
        StorageEncoding encoding,
        UInt256 numberOfBytes,
        string? keyTypeId = null,
        string? valueTypeId = null,
        string? baseTypeId = null,
        IReadOnlyList<StorageVariable>? members = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(label);
        Id = id;
        Label = label;
        Encoding = encoding;
        NumberOfBytes = numberOfBytes;
        KeyTypeId = keyTypeId;
        ValueTypeId = valueTypeId;
        BaseTypeId = baseTypeId;
        _members = members is null ? [] : [.. members];
    }

    /// <summary>The compiler's identifier.</summary>
    public string Id { get; }

    /// <summary>The Solidity type.</summary>
    public string Label { get; }

    /// <summary>How it is laid out.</summary>
    public StorageEncoding Encoding { get; }

    /// <summary>Its size in storage in bytes (32 for mappings, dynamic arrays and byte strings).</summary>
    public UInt256 NumberOfBytes { get; }

    /// <summary>The key type of a mapping; <see langword="null"/> otherwise.</summary>
    public string? KeyTypeId { get; }

    /// <summary>The value type of a mapping; <see langword="null"/> otherwise.</summary>
    public string? ValueTypeId { get; }

    /// <summary>The element type of an array; <see langword="null"/> otherwise.</summary>
    public string? BaseTypeId { get; }

    /// <summary>The members of a struct, with slots relative to the struct's base slot; empty otherwise.</summary>
    public IReadOnlyList<StorageVariable> Members => _members;

    /// <summary>The member of a struct with this name.</summary>
    /// <param name="label">The member name.</param>
    /// <returns>The member.</returns>
    /// <exception cref="KeyNotFoundException">No such member.</exception>
    public StorageVariable GetMember(string label)
    {
        foreach (var member in _members)
        {
            if (string.Equals(member.Label, label, StringComparison.Ordinal))
            {
                return member;
            }
        }

        throw new KeyNotFoundException($"{Label} has no member {label}.");
    }

    /// <summary>The identifier.</summary>
    /// <returns><see cref="Id"/>.</returns>
    public override string ToString() => Id;
}
