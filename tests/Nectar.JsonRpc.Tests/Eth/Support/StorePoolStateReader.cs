using Nectar.Chain.Admission;
using Nectar.Chain.TxPool;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.State;

namespace Nectar.JsonRpc.Tests.Eth.Support;

/// <summary>The pool's view of the head state, read from the state store; and an admission that lets everyone in.</summary>
internal sealed class StorePoolStateReader(StateStore store) : IPoolStateReader, ITransactionAdmission
{
    public PoolAccount GetAccount(Address address)
    {
        if (!store.TryGetAccount(address, out var account))
        {
            return PoolAccount.Empty;
        }

        var code = !account.HasCode ? AccountCode.None
            : Nectar.Evm.Delegation.TryGetTarget(store.GetCode(account.CodeHash) ?? [], out _) ? AccountCode.Delegation
            : AccountCode.Contract;
        return new PoolAccount(account.Nonce, account.Balance, code);
    }

    public AdmissionDecision Check(Address sender, Transaction transaction) => AdmissionDecision.Allowed;

    public bool DependsOn(Address account) => false;
}
