using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nectar.Core.Primitives;
using Nectar.Crypto;

namespace Nectar.Privacy.Sessions;

/// <summary>
/// Sign-In with Ethereum sessions and bearer tokens: issues nonces, verifies sign-in messages, starts sessions
/// bound to one admitted account, authenticates tokens on every request, and ends sessions by idle timeout,
/// absolute timeout, revocation or eviction, announcing each end once through <see cref="SessionEnded"/> and the
/// audit sink. Implements HIPAA 164.312(a)(2)(i) unique user identification and (a)(2)(iii) automatic logoff.
/// </summary>
/// <remarks>
/// Thread-safe. Memory is bounded by <see cref="SessionOptions.MaxSessions"/>, <see cref="SessionOptions.MaxSessionsPerAccount"/>
/// and <see cref="SessionOptions.MaxOutstandingNonces"/>. Tokens are kept only as SHA-256 hashes and never appear in
/// a log, an exception, an audit event or a <c>ToString</c>. Time comes from the <see cref="TimeProvider"/>.
/// </remarks>
public sealed partial class SessionService : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SessionPolicy _policy;
    private readonly SiweVerifier _verifier;
    private readonly IAccountAdmission _admission;
    private readonly ISessionAuditSink? _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly NonceRegistry _nonces;
    private readonly SessionTable _sessions;
    private readonly ITimer? _sweepTimer;

    // Bumped by every account revocation, so a sign-in that checked admission before a concurrent revocation
    // notices and checks again instead of starting a session the revocation missed.
    private long _revocationGeneration;

    /// <summary>Creates the service.</summary>
    /// <param name="options">The settings; validated and copied.</param>
    /// <param name="secp256k1">The curve implementation used to recover signers.</param>
    /// <param name="admission">The port that says whether an account is admitted.</param>
    /// <param name="audit">Receives audit events; <see langword="null"/> records nothing.</param>
    /// <param name="timeProvider">The clock and timer source; <see langword="null"/> for the system clock.</param>
    /// <param name="logger">Receives operational logs (never tokens); <see langword="null"/> logs nothing.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public SessionService(
        SessionOptions options,
        ISecp256k1 secp256k1,
        IAccountAdmission admission,
        ISessionAuditSink? audit = null,
        TimeProvider? timeProvider = null,
        ILogger<SessionService>? logger = null)
        : this(options, secp256k1, admission, audit, timeProvider, logger, CryptographicOperations.FixedTimeEquals)
    {
    }

    /// <summary>The full constructor; tests pass their own hash comparer to observe the constant-time path.</summary>
    internal SessionService(
        SessionOptions options,
        ISecp256k1 secp256k1,
        IAccountAdmission admission,
        ISessionAuditSink? audit,
        TimeProvider? timeProvider,
        ILogger? logger,
        TokenHashComparer hashEquals)
    {
        ArgumentNullException.ThrowIfNull(secp256k1);
        ArgumentNullException.ThrowIfNull(admission);
        ArgumentNullException.ThrowIfNull(hashEquals);

        _policy = new SessionPolicy(options);
        _verifier = new SiweVerifier(secp256k1);
        _admission = admission;
        _audit = audit;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _nonces = new NonceRegistry(_policy.NonceLifetime, _policy.MaxOutstandingNonces);
        _sessions = new SessionTable(_policy.MaxSessionsPerAccount, _policy.MaxSessions, _policy.IdleTimeout, hashEquals);

        if (_policy.SweepInterval > TimeSpan.Zero)
        {
            _sweepTimer = _time.CreateTimer(
                static state => ((SessionService)state!).ExpireSessions(),
                this,
                _policy.SweepInterval,
                _policy.SweepInterval);
        }
    }

    /// <summary>
    /// Raised once for every session that ends (timeout, revocation, eviction), after the service's lock is
    /// released, on the thread that ended it (the sweep timer's, or a caller's). A handler that throws is logged
    /// and does not keep the others from running.
    /// </summary>
    public event EventHandler<SessionEndedEventArgs>? SessionEnded;

    /// <summary>The domain sign-in messages must name.</summary>
    public string Domain => _policy.Domain;

    /// <summary>The chain id sign-in messages must name.</summary>
    public ulong ChainId => _policy.ChainId;

    /// <summary>The number of live sessions (some may have expired without being swept yet).</summary>
    public int SessionCount
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>The comparison token lookups use; exposed so tests can check it is the constant-time one.</summary>
    internal TokenHashComparer HashComparer => _sessions.HashComparer;

    /// <summary>Stops the sweep timer. Sessions stay in memory until the service is dropped.</summary>
    public void Dispose() => _sweepTimer?.Dispose();

    /// <summary>Asks the admission port, treating a failure as "unknown" (the caller then denies).</summary>
    private bool TryGetAdmission(Address account, out AccountAdmission admission)
    {
        try
        {
            admission = _admission.GetAdmission(account);
            return true;
        }
#pragma warning disable CA1031 // Whatever the port throws, the answer is "unknown", and unknown means deny.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SessionLog.AdmissionFailed(_logger, exception);
            admission = AccountAdmission.NotAdmitted;
            return false;
        }
    }

    /// <summary>Audits, logs and announces sessions that ended; called without the lock.</summary>
    private void Announce(List<EndedSession>? ended)
    {
        if (ended is null)
        {
            return;
        }

        foreach (var session in ended)
        {
            SessionLog.SessionEnded(_logger, session.Id.Value, session.Reason);
            RecordEnd(session);
            RaiseEnded(session);
        }
    }

    private void RecordEnd(EndedSession session)
    {
        if (_audit is null)
        {
            return;
        }

        try
        {
            _audit.Record(new SessionAuditEvent(SessionAuditKind.SessionEnded, session.At, session.Account, session.Id, EndReason: session.Reason));
        }
#pragma warning disable CA1031 // Ending a session is the safe direction: it goes ahead even if the audit sink fails.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SessionLog.AuditFailed(_logger, exception, SessionAuditKind.SessionEnded);
        }
    }

    private void RaiseEnded(EndedSession session)
    {
        var handlers = SessionEnded;
        if (handlers is null)
        {
            return;
        }

        var args = new SessionEndedEventArgs(session.Id, session.Account, session.Reason, session.At);
        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((EventHandler<SessionEndedEventArgs>)handler)(this, args);
            }
#pragma warning disable CA1031 // One failing subscriber must not keep the others from closing their connections.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                SessionLog.SubscriberFailed(_logger, exception, session.Id.Value);
            }
        }
    }
}
