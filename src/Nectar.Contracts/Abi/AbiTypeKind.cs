namespace Nectar.Contracts.Abi;

/// <summary>The kinds of Solidity ABI types.</summary>
public enum AbiTypeKind
{
    /// <summary><c>uintN</c>: an unsigned integer of N bits, N a multiple of 8 from 8 to 256.</summary>
    UInt,

    /// <summary><c>intN</c>: a two's-complement signed integer of N bits, N a multiple of 8 from 8 to 256.</summary>
    Int,

    /// <summary><c>address</c>: 20 bytes, right-aligned in its word.</summary>
    Address,

    /// <summary><c>bool</c>: the word 0 or 1.</summary>
    Bool,

    /// <summary><c>bytesN</c>: N bytes (1 to 32), left-aligned in its word.</summary>
    FixedBytes,

    /// <summary><c>function</c>: an address followed by a 4-byte selector, encoded as <c>bytes24</c>.</summary>
    Function,

    /// <summary><c>bytes</c>: a dynamic byte string.</summary>
    Bytes,

    /// <summary><c>string</c>: a dynamic UTF-8 string.</summary>
    String,

    /// <summary><c>T[]</c>: a dynamic-length array.</summary>
    Array,

    /// <summary><c>T[k]</c>: a fixed-length array.</summary>
    FixedArray,

    /// <summary><c>(T1,…,Tn)</c>: a tuple (a struct, or a parameter list).</summary>
    Tuple,
}
