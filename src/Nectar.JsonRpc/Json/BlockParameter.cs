using System.Globalization;
using System.Text.Json.Serialization;
using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Json;

/// <summary>
/// A block selector as methods receive it: a tag (<c>latest</c>, <c>earliest</c>, <c>pending</c>, <c>safe</c>,
/// <c>finalized</c>), a number, a hash, or the EIP-1898 objects <c>{blockHash, requireCanonical}</c> and
/// <c>{blockNumber}</c>. The default value is <see cref="Latest"/>, which is what an omitted parameter means.
/// </summary>
[JsonConverter(typeof(BlockParameterConverter))]
public readonly struct BlockParameter : IEquatable<BlockParameter>
{
    private BlockParameter(BlockParameterKind kind, ulong number, Hash256 hash, bool requireCanonical)
    {
        Kind = kind;
        Number = number;
        Hash = hash;
        RequireCanonical = requireCanonical;
    }

    /// <summary><c>"latest"</c>.</summary>
    public static BlockParameter Latest => default;

    /// <summary><c>"earliest"</c>.</summary>
    public static BlockParameter Earliest => new(BlockParameterKind.Earliest, 0, default, false);

    /// <summary><c>"pending"</c>.</summary>
    public static BlockParameter Pending => new(BlockParameterKind.Pending, 0, default, false);

    /// <summary><c>"safe"</c>.</summary>
    public static BlockParameter Safe => new(BlockParameterKind.Safe, 0, default, false);

    /// <summary><c>"finalized"</c>.</summary>
    public static BlockParameter Finalized => new(BlockParameterKind.Finalized, 0, default, false);

    /// <summary>Which block this names.</summary>
    public BlockParameterKind Kind { get; }

    /// <summary>The block number when <see cref="Kind"/> is <see cref="BlockParameterKind.Number"/>, else 0.</summary>
    public ulong Number { get; }

    /// <summary>The block hash when <see cref="Kind"/> is <see cref="BlockParameterKind.Hash"/>, else zero.</summary>
    public Hash256 Hash { get; }

    /// <summary>For a hash: whether the block must be on the canonical chain (EIP-1898); false by default.</summary>
    public bool RequireCanonical { get; }

    /// <summary>A block number.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The parameter.</returns>
    public static BlockParameter FromNumber(ulong number) => new(BlockParameterKind.Number, number, default, false);

    /// <summary>A block hash.</summary>
    /// <param name="hash">The hash.</param>
    /// <param name="requireCanonical">Whether the block must be canonical.</param>
    /// <returns>The parameter.</returns>
    public static BlockParameter FromHash(Hash256 hash, bool requireCanonical = false) =>
        new(BlockParameterKind.Hash, 0, hash, requireCanonical);

    /// <inheritdoc />
    public bool Equals(BlockParameter other) =>
        Kind == other.Kind && Number == other.Number && Hash == other.Hash && RequireCanonical == other.RequireCanonical;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BlockParameter other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Number, Hash, RequireCanonical);

    /// <summary>The wire form: a tag, a quantity, or the hash.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        BlockParameterKind.Number => "0x" + Number.ToString("x", CultureInfo.InvariantCulture),
        BlockParameterKind.Hash => RequireCanonical ? Hash + " (canonical)" : Hash.ToString(),
        BlockParameterKind.Earliest => "earliest",
        BlockParameterKind.Pending => "pending",
        BlockParameterKind.Safe => "safe",
        BlockParameterKind.Finalized => "finalized",
        _ => "latest",
    };

    /// <summary>Whether two parameters name the same block the same way.</summary>
    public static bool operator ==(BlockParameter left, BlockParameter right) => left.Equals(right);

    /// <summary>Whether two parameters differ.</summary>
    public static bool operator !=(BlockParameter left, BlockParameter right) => !left.Equals(right);
}
