using Nectar.Core.Numerics;

namespace Nectar.Chain.TxPool;

/// <summary>The parts of an account the pool checks a transaction against.</summary>
/// <param name="Nonce">The account nonce: the nonce of the sender's next transaction.</param>
/// <param name="Balance">The balance in wei.</param>
/// <param name="Code">Whether the account has code, and of which kind.</param>
public readonly record struct PoolAccount(ulong Nonce, UInt256 Balance, AccountCode Code)
{
    /// <summary>An account that does not exist: nonce 0, no balance, no code.</summary>
    public static PoolAccount Empty => default;
}
