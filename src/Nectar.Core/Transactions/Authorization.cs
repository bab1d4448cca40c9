using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Core.Transactions;

/// <summary>
/// One EIP-7702 authorization tuple: the signer (the authority, recovered from the signature) lets
/// <paramref name="Address"/>'s code run in its account, at the given account nonce, on the given chain
/// (zero means any chain).
/// </summary>
/// <param name="ChainId">The chain the authorization is valid on, or zero for every chain.</param>
/// <param name="Address">The account whose code the authority delegates to.</param>
/// <param name="Nonce">The authority's account nonce at which the authorization applies.</param>
/// <param name="YParity">The signature's y parity; only 0 and 1 make a valid signature.</param>
/// <param name="R">The signature's r.</param>
/// <param name="S">The signature's s.</param>
public readonly record struct Authorization(UInt256 ChainId, Address Address, ulong Nonce, byte YParity, UInt256 R, UInt256 S);
