using Nectar.Core.Primitives;

namespace Nectar.Chain.TxPool;

/// <summary>
/// What the transaction pool needs to know about an account at the current head: the port through which it
/// reads state without depending on the state implementation.
/// </summary>
/// <remarks>
/// Implementations are safe to call from many threads at once. The owner moves the reader to a new head before it
/// calls <see cref="TransactionPool.OnNewHead"/>; reads racing with that move are detected by the pool and
/// repeated.
/// </remarks>
public interface IPoolStateReader
{
    /// <summary>The account's nonce, balance and kind of code at the current head; a missing account reads as empty.</summary>
    /// <param name="address">The account.</param>
    /// <returns>The account's state.</returns>
    PoolAccount GetAccount(Address address);
}
