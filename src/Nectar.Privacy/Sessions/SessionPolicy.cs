namespace Nectar.Privacy.Sessions;

/// <summary>A validated, immutable copy of <see cref="SessionOptions"/>, with the lookups the checks need.</summary>
internal sealed class SessionPolicy
{
    public SessionPolicy(SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();

        Domain = options.Domain;
        SiweGrammar.TrySplitAuthority(options.Domain, out _, out var host, out _);
        ChainId = options.ChainId;
        Schemes = new HashSet<string>(options.AllowedSchemes, StringComparer.OrdinalIgnoreCase);
        UriHosts = new HashSet<string>(options.AdditionalUriHosts, StringComparer.OrdinalIgnoreCase) { host.ToString() };
        IdleTimeout = options.IdleTimeout;
        AbsoluteTimeout = options.AbsoluteTimeout;
        NonceLifetime = options.NonceLifetime;
        MaxOutstandingNonces = options.MaxOutstandingNonces;
        MaxClockSkew = options.MaxClockSkew;
        MaxMessageAge = options.MaxMessageAge;
        MaxMessageLength = options.MaxMessageLength;
        MaxSessionsPerAccount = options.MaxSessionsPerAccount;
        MaxSessions = options.MaxSessions;
        SweepInterval = options.SweepInterval;
        RecheckAdmissionOnUse = options.RecheckAdmissionOnUse;
    }

    public string Domain { get; }

    public ulong ChainId { get; }

    public HashSet<string> Schemes { get; }

    public HashSet<string> UriHosts { get; }

    public TimeSpan IdleTimeout { get; }

    public TimeSpan AbsoluteTimeout { get; }

    public TimeSpan NonceLifetime { get; }

    public int MaxOutstandingNonces { get; }

    public TimeSpan MaxClockSkew { get; }

    public TimeSpan MaxMessageAge { get; }

    public int MaxMessageLength { get; }

    public int MaxSessionsPerAccount { get; }

    public int MaxSessions { get; }

    public TimeSpan SweepInterval { get; }

    public bool RecheckAdmissionOnUse { get; }

    /// <summary>
    /// Checks everything about a parsed message except its nonce and signature: origin, chain and time window.
    /// Returns null when the message may be used now.
    /// </summary>
    public LoginFailureReason? CheckMessage(SiweMessage message, DateTimeOffset now)
    {
        if (!string.Equals(message.Domain, Domain, StringComparison.OrdinalIgnoreCase))
        {
            return LoginFailureReason.DomainMismatch;
        }

        // EIP-4361: a message without a scheme implies https.
        if (!Schemes.Contains(message.Scheme ?? "https"))
        {
            return LoginFailureReason.SchemeNotAllowed;
        }

        if (!SiweGrammar.TrySplitUri(message.Uri, out var uriScheme, out var authority)
            || !Schemes.Contains(uriScheme.ToString())
            || !SiweGrammar.TrySplitAuthority(authority, out _, out var uriHost, out _)
            || uriHost.IsEmpty
            || !UriHosts.Contains(uriHost.ToString()))
        {
            return LoginFailureReason.UriNotAllowed;
        }

        if (message.ChainId != ChainId)
        {
            return LoginFailureReason.ChainIdMismatch;
        }

        var issuedAt = message.IssuedAt.Value;
        if (issuedAt > now + MaxClockSkew)
        {
            return LoginFailureReason.IssuedInFuture;
        }

        if (issuedAt < now - MaxMessageAge)
        {
            return LoginFailureReason.IssuedTooLongAgo;
        }

        if (message.ExpirationTime is { } expiration && now >= expiration.Value)
        {
            return LoginFailureReason.MessageExpired;
        }

        if (message.NotBefore is { } notBefore && now + MaxClockSkew < notBefore.Value)
        {
            return LoginFailureReason.NotYetValid;
        }

        return null;
    }
}
