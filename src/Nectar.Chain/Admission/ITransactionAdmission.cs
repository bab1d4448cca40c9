using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Admission;

/// <summary>
/// Decides whether a sender may transact on the network. The compliance layer implements it over the on-chain
/// account registry; the transaction pool asks it for every submission, and block execution asks it for forced
/// transactions, which reach a block without passing through the pool.
/// </summary>
/// <remarks>
/// Implementations answer from the state of the current head, are safe to call from many threads at once, and
/// should be cheap (a lookup, not an execution): the pool calls them once per submission and again for every
/// pooled sender after a block that touched an account they depend on (<see cref="DependsOn"/>), because an account
/// can lose its admission between blocks.
/// </remarks>
public interface ITransactionAdmission
{
    /// <summary>Whether <paramref name="sender"/> may send <paramref name="transaction"/>.</summary>
    /// <param name="sender">The sender, recovered from the transaction's signature.</param>
    /// <param name="transaction">
    /// The transaction, so that a policy may also look at its recipient or type; a policy on the sender alone
    /// ignores it.
    /// </param>
    /// <returns><see cref="AdmissionDecision.Allowed"/>, or a refusal carrying the reason shown to the sender.</returns>
    AdmissionDecision Check(Address sender, Transaction transaction);

    /// <summary>
    /// Whether a change to <paramref name="account"/>'s state can change a decision (the registry contract's, for a
    /// registry-backed admission). After a block that touched such an account the pool re-checks every pooled
    /// sender; after any other block only the senders the block touched.
    /// </summary>
    /// <param name="account">An account a block touched.</param>
    /// <returns><see langword="true"/> when decisions read that account's state.</returns>
    bool DependsOn(Address account);
}
