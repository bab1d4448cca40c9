namespace Nectar.Contracts.Abi;

/// <summary>The kinds of <see cref="AbiValue"/>.</summary>
public enum AbiValueKind : byte
{
    /// <summary>The default value: holds nothing and encodes as nothing.</summary>
    None = 0,

    /// <summary>A non-negative integer, for <c>uintN</c> (or a non-negative <c>intN</c>).</summary>
    UInt,

    /// <summary>A signed integer held as 256-bit two's complement, for <c>intN</c> (or a non-negative <c>uintN</c>).</summary>
    Int,

    /// <summary>An <c>address</c>.</summary>
    Address,

    /// <summary>A <c>bool</c>.</summary>
    Bool,

    /// <summary>1 to 32 bytes, for <c>bytesN</c> and <c>function</c> (24 bytes).</summary>
    FixedBytes,

    /// <summary>A byte string, for <c>bytes</c>.</summary>
    Bytes,

    /// <summary>A string, for <c>string</c> (encoded as UTF-8).</summary>
    String,

    /// <summary>A sequence of values of one type, for <c>T[]</c> and <c>T[k]</c>.</summary>
    Array,

    /// <summary>A sequence of values of the tuple's component types.</summary>
    Tuple,
}
