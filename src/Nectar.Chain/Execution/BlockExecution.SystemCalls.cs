using Nectar.Core.Primitives;

namespace Nectar.Chain.Execution;

public sealed partial class BlockExecution
{
    /// <summary>
    /// The calls the protocol makes before the first transaction: EIP-4788 stores the parent beacon block root
    /// (Cancun), EIP-2935 stores the parent block's hash (Prague). Each runs from the system address with its own
    /// gas, pays no fee and is committed like a transaction; a contract that is not deployed makes it a no-op.
    /// </summary>
    private void RunBlockStartSystemCalls()
    {
        if (Spec.IsEip4788Enabled)
        {
            Span<byte> root = stackalloc byte[Hash256.Length];
            Header.ParentBeaconBlockRoot.GetValueOrDefault().CopyTo(root);
            _transactions.ExecuteSystemCall(ProtocolContracts.BeaconRoots, root);
        }

        if (Spec.IsEip2935Enabled && Header.Number > 0)
        {
            Span<byte> parentHash = stackalloc byte[Hash256.Length];
            Header.ParentHash.CopyTo(parentHash);
            _transactions.ExecuteSystemCall(ProtocolContracts.HistoryStorage, parentHash);
        }
    }
}
