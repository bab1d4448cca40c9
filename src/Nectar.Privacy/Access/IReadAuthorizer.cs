using Nectar.Core.Primitives;

namespace Nectar.Privacy.Access;

/// <summary>
/// The one place that decides what a caller may read. Every RPC path that returns chain data asks it before
/// answering, and answers a denied read exactly as it answers a missing object, so that a refusal does not reveal
/// that the object exists. Per-contract policies arrive as another implementation of this port.
/// </summary>
/// <remarks>Implementations are thread-safe, allocation-free and do no I/O: they decide from what the caller passes.</remarks>
public interface IReadAuthorizer
{
    /// <summary>Whether the caller may see a transaction (by hash, in a block body) and its receipt.</summary>
    /// <param name="caller">Who reads.</param>
    /// <param name="sender">The transaction's recovered sender.</param>
    /// <param name="recipient">Its direct recipient; <see langword="null"/> for a contract creation.</param>
    /// <returns><see langword="true"/> when it may.</returns>
    bool CanSeeTransaction(in ReadCaller caller, Address sender, Address? recipient);

    /// <summary>Whether the caller may see a log, which belongs to the transaction that emitted it.</summary>
    /// <param name="caller">Who reads.</param>
    /// <param name="sender">The emitting transaction's sender.</param>
    /// <param name="recipient">The emitting transaction's direct recipient; <see langword="null"/> for a creation.</param>
    /// <param name="emitter">The contract that emitted the log (for contract policies; unused by the default rules).</param>
    /// <returns><see langword="true"/> when it may.</returns>
    bool CanSeeLog(in ReadCaller caller, Address sender, Address? recipient, Address emitter);

    /// <summary>Whether the caller may see an account's balance and nonce.</summary>
    /// <param name="caller">Who reads.</param>
    /// <param name="account">The account read.</param>
    /// <returns><see langword="true"/> when it may.</returns>
    bool CanSeeAccount(in ReadCaller caller, Address account);

    /// <summary>Whether the caller may read an account's code.</summary>
    /// <param name="caller">Who reads.</param>
    /// <param name="account">The account read.</param>
    /// <returns><see langword="true"/> when it may.</returns>
    bool CanSeeCode(in ReadCaller caller, Address account);

    /// <summary>Whether the caller may read raw state: storage slots, proofs and execution traces.</summary>
    /// <param name="caller">Who reads.</param>
    /// <returns><see langword="true"/> when it may.</returns>
    bool CanReadRawState(in ReadCaller caller);

    /// <summary>Whether the caller may execute a call or estimate as <paramref name="from"/>.</summary>
    /// <param name="caller">Who calls.</param>
    /// <param name="from">The requested sender; <see langword="null"/> when the request names none.</param>
    /// <returns><see langword="true"/> when it may (then the call runs as the caller's account).</returns>
    bool CanCallAs(in ReadCaller caller, Address? from);
}
