using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Nectar.Core.Primitives;

namespace Nectar.Privacy.Sessions;

public sealed partial class SessionService
{
    /// <summary>The single answer for everything about the signer, so refusals do not reveal which accounts exist.</summary>
    private const string DeniedMessage = "Sign-in refused.";

    /// <summary>How often a sign-in retries when an account revocation races with it.</summary>
    private const int MaxStartAttempts = 3;

    /// <summary>Issues a nonce for one sign-in; it expires after <see cref="SessionOptions.NonceLifetime"/>.</summary>
    /// <returns>The nonce and its lifetime.</returns>
    public SiweNonce IssueNonce() => _nonces.Issue(_time.GetUtcNow());

    /// <summary>Signs in with an EIP-4361 message and its signature written as hex.</summary>
    /// <param name="message">The message exactly as signed.</param>
    /// <param name="signature">The 65-byte signature r ‖ s ‖ v as 130 hex digits, with or without <c>0x</c>.</param>
    /// <returns>The new session, or why there is none.</returns>
    [SkipLocalsInit]
    public LoginResult Login(string message, string signature)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signature);

        Span<byte> bytes = stackalloc byte[SiweVerifier.SignatureLength];
        return SiweVerifier.TryDecodeSignature(signature, bytes)
            ? Login(message, bytes)
            : Login(message, ReadOnlySpan<byte>.Empty);
    }

    /// <summary>
    /// Signs in with an EIP-4361 message and its signature. Checks, in order: length and grammar; signature shape;
    /// the nonce (which any attempt naming it uses up); domain, scheme, URI and chain id; issued-at, expiration time
    /// and not-before; then the signature and the account's admission, both always evaluated, and refused with one
    /// identical answer.
    /// </summary>
    /// <param name="message">The message exactly as signed.</param>
    /// <param name="signature">r ‖ s ‖ v: 65 bytes, v of 27, 28, 0 or 1.</param>
    /// <returns>The new session, or why there is none.</returns>
    public LoginResult Login(string message, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = _time.GetUtcNow();

        if (message.Length > _policy.MaxMessageLength)
        {
            return Refuse(LoginFailureReason.MessageTooLong, null, now, $"The message is longer than {_policy.MaxMessageLength} characters.");
        }

        if (!SiweMessage.TryParse(message, out var parsed, out var parseError))
        {
            return Refuse(LoginFailureReason.MalformedMessage, null, now, parseError);
        }

        var account = parsed.Address;
        if (signature.Length != SiweVerifier.SignatureLength || signature[64] is not (27 or 28 or 0 or 1))
        {
            return Refuse(LoginFailureReason.MalformedSignature, account, now);
        }

        var nonce = _nonces.Consume(parsed.Nonce, now) switch
        {
            NonceCheck.Valid => (LoginFailureReason?)null,
            NonceCheck.Replayed => LoginFailureReason.NonceReplayed,
            NonceCheck.Expired => LoginFailureReason.NonceExpired,
            _ => LoginFailureReason.UnknownNonce,
        };

        if ((nonce ?? _policy.CheckMessage(parsed, now)) is { } refused)
        {
            return Refuse(refused, account, now, DescribeMessageProblem(refused));
        }

        // The message is ASCII by its grammar, so these are the bytes the wallet signed.
        var signatureCheck = _verifier.CheckSignature(Encoding.UTF8.GetBytes(message), signature, account);

        // A message's expiration time also bounds the session it opens: the user signed "valid until".
        var absoluteExpiry = now + _policy.AbsoluteTimeout;
        if (parsed.ExpirationTime is { } expiration && expiration.Value < absoluteExpiry)
        {
            absoluteExpiry = expiration.Value;
        }

        for (var attempt = 0; attempt < MaxStartAttempts; attempt++)
        {
            // Admission is asked even when the signature already failed, so both refusals take the same path.
            var generation = Volatile.Read(ref _revocationGeneration);
            var known = TryGetAdmission(account, out var admission);
            var refusal = signatureCheck switch
            {
                SignatureCheck.Valid when !known => LoginFailureReason.AdmissionUnavailable,
                SignatureCheck.Valid when !admission.IsAdmitted => LoginFailureReason.NotAdmitted,
                SignatureCheck.Valid => (LoginFailureReason?)null,
                SignatureCheck.HighS => LoginFailureReason.HighS,
                SignatureCheck.WrongSigner => LoginFailureReason.WrongSigner,
                SignatureCheck.Malformed => LoginFailureReason.MalformedSignature,
                _ => LoginFailureReason.InvalidSignature,
            };

            if (refusal is { } reason)
            {
                return Refuse(reason, account, now);
            }

            if (TryStart(account, admission.Roles, SessionOrigin.SignIn, now, absoluteExpiry, generation) is { } grant)
            {
                return LoginResult.Success(grant);
            }
        }

        return Refuse(LoginFailureReason.AdmissionUnavailable, account, now);
    }

    /// <summary>
    /// The trusted path for development networks: starts a normal session for an admitted account without a
    /// signature (audited as <see cref="SessionAuditKind.SessionIssued"/>, subject to the same timeouts, limits and
    /// revocation). Never expose this to clients.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <returns>The new session.</returns>
    /// <exception cref="InvalidOperationException">The account is not admitted, or its admission cannot be determined.</exception>
    public SessionGrant IssueFor(Address account)
    {
        var now = _time.GetUtcNow();
        for (var attempt = 0; attempt < MaxStartAttempts; attempt++)
        {
            var generation = Volatile.Read(ref _revocationGeneration);
            if (!TryGetAdmission(account, out var admission))
            {
                throw new InvalidOperationException("The account's admission cannot be determined; no session was issued.");
            }

            if (!admission.IsAdmitted)
            {
                throw new InvalidOperationException("The account is not admitted; no session was issued.");
            }

            if (TryStart(account, admission.Roles, SessionOrigin.TrustedIssue, now, now + _policy.AbsoluteTimeout, generation) is { } grant)
            {
                return grant;
            }
        }

        throw new InvalidOperationException("The account's sessions were being revoked; no session was issued.");
    }

    /// <summary>
    /// Starts a session unless an account revocation happened since <paramref name="generation"/> was read; then
    /// records the start, withdrawing the session if the audit sink refuses it.
    /// </summary>
    private SessionGrant? TryStart(Address account, IReadOnlyList<string> roles, SessionOrigin origin, DateTimeOffset now, DateTimeOffset absoluteExpiry, long generation)
    {
        var token = SessionToken.NewRandom();
        var hash = new byte[SessionToken.HashLength];
        token.ComputeHash(hash);

        var ended = new List<EndedSession>();
        SessionEntry entry;
        lock (_gate)
        {
            if (generation != _revocationGeneration)
            {
                return null;
            }

            // Two live tokens sharing a 64-bit key prefix is a 2^-64 event per pair; draw again rather than chain.
            while (_sessions.IsKeyTaken(SessionToken.KeyOf(hash)))
            {
                token = SessionToken.NewRandom();
                token.ComputeHash(hash);
            }

            entry = new SessionEntry(SessionId.NewRandom(), hash, account, roles, origin, now, absoluteExpiry);
            _sessions.Add(entry, now, ended);
        }

        Announce(ended);

        var kind = origin == SessionOrigin.SignIn ? SessionAuditKind.LoginSucceeded : SessionAuditKind.SessionIssued;
        try
        {
            _audit?.Record(new SessionAuditEvent(kind, now, account, entry.Id));
        }
        catch
        {
            // A session whose start is not on record must not exist; nobody has seen its token yet.
            lock (_gate)
            {
                _sessions.Withdraw(entry);
            }

            SessionLog.SessionWithdrawn(_logger, entry.Id.Value);
            throw;
        }

        SessionLog.SessionStarted(_logger, entry.Id.Value, origin);
        return new SessionGrant(token, entry.ToInfo(_policy.IdleTimeout));
    }

    /// <summary>Audits and logs a refused sign-in and builds the client's answer.</summary>
    private LoginResult Refuse(LoginFailureReason reason, Address? account, DateTimeOffset now, string? detail = null)
    {
        _audit?.Record(new SessionAuditEvent(SessionAuditKind.LoginFailed, now, account, null, Failure: reason));
        SessionLog.LoginRefused(_logger, reason);

        var error = reason switch
        {
            LoginFailureReason.MessageTooLong or LoginFailureReason.MalformedMessage => LoginError.MalformedMessage,
            LoginFailureReason.MalformedSignature => LoginError.MalformedSignature,
            LoginFailureReason.UnknownNonce or LoginFailureReason.NonceReplayed or LoginFailureReason.NonceExpired => LoginError.InvalidNonce,
            LoginFailureReason.DomainMismatch or LoginFailureReason.SchemeNotAllowed or LoginFailureReason.UriNotAllowed => LoginError.WrongOrigin,
            LoginFailureReason.ChainIdMismatch => LoginError.WrongChain,
            LoginFailureReason.IssuedInFuture or LoginFailureReason.IssuedTooLongAgo
                or LoginFailureReason.MessageExpired or LoginFailureReason.NotYetValid => LoginError.NotValidNow,
            _ => LoginError.Denied,
        };

        var message = error switch
        {
            LoginError.Denied => DeniedMessage,
            LoginError.MalformedSignature => "The signature must be 65 bytes (r, s, v) written as hex, with v of 27, 28, 0 or 1.",
            _ => detail ?? DeniedMessage,
        };

        return LoginResult.Fail(error, message);
    }

    /// <summary>Client-facing sentences for problems with the message itself (none of them concern the signer).</summary>
    private string DescribeMessageProblem(LoginFailureReason reason) => reason switch
    {
        LoginFailureReason.UnknownNonce or LoginFailureReason.NonceReplayed or LoginFailureReason.NonceExpired =>
            "The nonce is unknown, already used or expired; request a new one.",
        LoginFailureReason.DomainMismatch => $"The message's domain must be {_policy.Domain}.",
        LoginFailureReason.SchemeNotAllowed => "The message's scheme is not accepted by this node.",
        LoginFailureReason.UriNotAllowed => "The message's URI must name this node with an accepted scheme.",
        LoginFailureReason.ChainIdMismatch => $"The message's chain id must be {_policy.ChainId.ToString(CultureInfo.InvariantCulture)}.",
        LoginFailureReason.IssuedInFuture => "The message's issued-at time lies in the future.",
        LoginFailureReason.IssuedTooLongAgo => "The message was issued too long ago; sign a new one.",
        LoginFailureReason.MessageExpired => "The message has expired.",
        LoginFailureReason.NotYetValid => "The message is not valid yet (not-before).",
        _ => DeniedMessage,
    };
}
