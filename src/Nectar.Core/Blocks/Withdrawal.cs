using Nectar.Core.Primitives;

namespace Nectar.Core.Blocks;

/// <summary>An EIP-4895 withdrawal from the beacon chain: an amount in gwei credited to an address.</summary>
/// <param name="Index">The withdrawal's position in the sequence of all withdrawals.</param>
/// <param name="ValidatorIndex">The validator the funds come from.</param>
/// <param name="Address">The recipient.</param>
/// <param name="AmountInGwei">The amount in gwei (10^9 wei).</param>
public readonly record struct Withdrawal(ulong Index, ulong ValidatorIndex, Address Address, ulong AmountInGwei);
