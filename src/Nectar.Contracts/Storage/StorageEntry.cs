using Nectar.Core.Numerics;

namespace Nectar.Contracts.Storage;

/// <summary>One storage slot and the 32-byte word it holds.</summary>
/// <param name="Slot">The storage key.</param>
/// <param name="Value">The word stored there.</param>
public readonly record struct StorageEntry(UInt256 Slot, UInt256 Value);
