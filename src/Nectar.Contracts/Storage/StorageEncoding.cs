namespace Nectar.Contracts.Storage;

/// <summary>How the compiler lays out a storage type (the <c>encoding</c> of a storage layout type).</summary>
public enum StorageEncoding
{
    /// <summary>Packed in place: value types, structs and fixed-size arrays.</summary>
    Inplace,

    /// <summary>A mapping: the slot itself is empty; entries live at <c>keccak256(key . slot)</c>.</summary>
    Mapping,

    /// <summary>A dynamic array: the length in the slot, elements from <c>keccak256(slot)</c>.</summary>
    DynamicArray,

    /// <summary><c>bytes</c> or <c>string</c>: short values inline with length * 2, long ones as length * 2 + 1 and data from <c>keccak256(slot)</c>.</summary>
    Bytes,
}
