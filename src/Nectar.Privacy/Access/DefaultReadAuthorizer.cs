using Nectar.Core.Primitives;

namespace Nectar.Privacy.Access;

/// <summary>
/// Nectar's rules before per-contract policies: an account sees its own transactions (as sender or direct
/// recipient), their receipts and logs, and its own balance and nonce; auditors see everything; raw state and
/// traces are for auditors and node operators; calls run only as the caller.
/// </summary>
/// <remarks>
/// Code is readable by every admitted caller: deployed bytecode is not health data (the data lives in storage and
/// calldata, both denied), and deployment tools read it back to confirm a deployment.
/// </remarks>
public sealed class DefaultReadAuthorizer : IReadAuthorizer
{
    /// <summary>The shared instance; the rules hold no state.</summary>
    public static DefaultReadAuthorizer Instance { get; } = new();

    /// <inheritdoc />
    public bool CanSeeTransaction(in ReadCaller caller, Address sender, Address? recipient) =>
        caller.IsAuditor || caller.Account == sender || (recipient is { } to && caller.Account == to);

    /// <inheritdoc />
    public bool CanSeeLog(in ReadCaller caller, Address sender, Address? recipient, Address emitter) =>
        CanSeeTransaction(caller, sender, recipient);

    /// <inheritdoc />
    public bool CanSeeAccount(in ReadCaller caller, Address account) => caller.IsAuditor || caller.Account == account;

    /// <inheritdoc />
    public bool CanSeeCode(in ReadCaller caller, Address account) => true;

    /// <inheritdoc />
    public bool CanReadRawState(in ReadCaller caller) => caller.IsAuditor || caller.IsOperator;

    /// <inheritdoc />
    /// <remarks>The zero address counts as no sender: cast and other tools send it when no account is configured.</remarks>
    public bool CanCallAs(in ReadCaller caller, Address? from) => from is not { IsZero: false } requested || requested == caller.Account;
}
