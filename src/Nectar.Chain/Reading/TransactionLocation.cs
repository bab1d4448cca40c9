using Nectar.Core.Primitives;

namespace Nectar.Chain.Reading;

/// <summary>Where a transaction sits in the canonical chain.</summary>
/// <param name="BlockHash">The hash of the block that holds it.</param>
/// <param name="BlockNumber">That block's number.</param>
/// <param name="Index">Its position in the block.</param>
public readonly record struct TransactionLocation(Hash256 BlockHash, ulong BlockNumber, int Index);
