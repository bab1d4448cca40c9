namespace Nectar.Chain.TxPool;

/// <summary>The kind of code an account holds, as far as sending transactions is concerned.</summary>
public enum AccountCode
{
    /// <summary>No code: an ordinary externally owned account.</summary>
    None = 0,

    /// <summary>
    /// An EIP-7702 delegation designator (<c>0xef0100 || address</c>): still an externally owned account, which may
    /// send transactions.
    /// </summary>
    Delegation,

    /// <summary>Contract code: EIP-3607 forbids transactions from such an account.</summary>
    Contract,
}
