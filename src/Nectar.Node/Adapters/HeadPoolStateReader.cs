using Nectar.Chain.TxPool;
using Nectar.Core.Primitives;
using Nectar.Evm;
using Nectar.State;

namespace Nectar.Node.Adapters;

/// <summary>
/// The transaction pool's <see cref="IPoolStateReader"/> over the chain's head state: nonce, balance and the kind of
/// code (none, an EIP-7702 delegation, or contract code) of an account at the current head.
/// </summary>
/// <param name="headState">Gives a reader of the current head's state; called on every read, so the pool follows the head.</param>
public sealed class HeadPoolStateReader(Func<IStateReader> headState) : IPoolStateReader
{
    /// <inheritdoc />
    public PoolAccount GetAccount(Address address)
    {
        var state = headState();
        if (!state.TryGetAccount(address, out var account))
        {
            return PoolAccount.Empty;
        }

        var code = AccountCode.None;
        if (account.HasCode)
        {
            var bytes = state.GetCode(account.CodeHash);
            code = bytes is not null && Delegation.TryGetTarget(bytes, out _) ? AccountCode.Delegation : AccountCode.Contract;
        }

        return new PoolAccount(account.Nonce, account.Balance, code);
    }
}
