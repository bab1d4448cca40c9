using System.Collections.ObjectModel;

namespace Nectar.Privacy.Sessions;

/// <summary>
/// Settings of <see cref="SessionService"/>: who this node is (domain, chain), how long sessions and nonces
/// live, and how much memory they may take. <see cref="Validate"/> checks them; the service refuses invalid ones
/// and copies the values at construction, so later changes to this object have no effect on it.
/// </summary>
public sealed class SessionOptions
{
    /// <summary>The default idle timeout: 15 minutes (HIPAA automatic logoff).</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(15);

    /// <summary>The default absolute lifetime of a session: 8 hours.</summary>
    public static readonly TimeSpan DefaultAbsoluteTimeout = TimeSpan.FromHours(8);

    /// <summary>
    /// The RFC 3986 authority sign-in messages must name (<c>domain</c> of EIP-4361), e.g. <c>rpc.example.org</c>
    /// or <c>127.0.0.1:8545</c>. Compared case-insensitively. Required.
    /// </summary>
    public string Domain { get; set; } = string.Empty;

    /// <summary>The chain id sign-in messages must name. Required (must not be 0).</summary>
    public ulong ChainId { get; set; }

    /// <summary>
    /// URI schemes accepted for the message's origin scheme (https is implied when a message has none) and for
    /// its <c>URI</c> field. Default: <c>https</c> only; a local devnet adds <c>http</c>.
    /// </summary>
    public Collection<string> AllowedSchemes { get; } = ["https"];

    /// <summary>
    /// Hosts, besides the host of <see cref="Domain"/>, that the message's <c>URI</c> may name (for a node reached
    /// under several names). Default: none.
    /// </summary>
    public Collection<string> AdditionalUriHosts { get; } = [];

    /// <summary>A session ends when it has not been used for this long. Default 15 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = DefaultIdleTimeout;

    /// <summary>A session ends this long after sign-in, however active it is. Default 8 hours.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = DefaultAbsoluteTimeout;

    /// <summary>How long an issued nonce may be used to sign in. Default 5 minutes.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many nonces (unused, and used ones kept to detect replays) are remembered; the oldest goes first. Default 10,000.</summary>
    public int MaxOutstandingNonces { get; set; } = 10_000;

    /// <summary>How far a client's clock may run ahead: the tolerance for issued-at and not-before. Default 1 minute.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How old a message's issued-at may be. Default 10 minutes.</summary>
    public TimeSpan MaxMessageAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest sign-in message accepted, in characters. Default 8,192.</summary>
    public int MaxMessageLength { get; set; } = 8192;

    /// <summary>Sessions one account may hold at once; signing in beyond this ends the account's oldest. Default 10.</summary>
    public int MaxSessionsPerAccount { get; set; } = 10;

    /// <summary>Sessions held in total; beyond this the oldest session of all ends. Default 100,000.</summary>
    public int MaxSessions { get; set; } = 100_000;

    /// <summary>
    /// How often expired sessions are ended (and their end announced) without waiting for a request.
    /// <see cref="TimeSpan.Zero"/> turns the timer off; the owner then calls <see cref="SessionService.ExpireSessions"/>.
    /// Default 15 seconds.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Whether every authentication asks <see cref="IAccountAdmission"/> again, so a revoked account loses access
    /// even if nobody called <see cref="SessionService.RevokeAccount"/>. Default <see langword="true"/>.
    /// </summary>
    public bool RecheckAdmissionOnUse { get; set; } = true;

    /// <summary>Lists every problem with these settings.</summary>
    /// <returns>The problems, one sentence each; empty when the settings are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(Domain) || !SiweGrammar.IsAuthority(Domain))
        {
            problems.Add($"{nameof(Domain)} must be an RFC 3986 authority such as rpc.example.org or 127.0.0.1:8545.");
        }

        if (ChainId == 0)
        {
            problems.Add($"{nameof(ChainId)} must be set (0 is not a chain id).");
        }

        if (AllowedSchemes.Count == 0)
        {
            problems.Add($"{nameof(AllowedSchemes)} must name at least one scheme.");
        }

        foreach (var scheme in AllowedSchemes)
        {
            if (scheme is null || !SiweGrammar.IsScheme(scheme))
            {
                problems.Add($"{nameof(AllowedSchemes)} holds '{scheme}', which is not an RFC 3986 scheme.");
            }
        }

        foreach (var host in AdditionalUriHosts)
        {
            if (string.IsNullOrEmpty(host) || !SiweGrammar.TrySplitAuthority(host, out var userInfo, out var parsedHost, out var port)
                || !userInfo.IsEmpty || !port.IsEmpty || parsedHost.Length != host.Length)
            {
                problems.Add($"{nameof(AdditionalUriHosts)} holds '{host}', which is not a bare host name or address.");
            }
        }

        Positive(problems, IdleTimeout, nameof(IdleTimeout));
        Positive(problems, AbsoluteTimeout, nameof(AbsoluteTimeout));
        if (IdleTimeout > AbsoluteTimeout)
        {
            problems.Add($"{nameof(IdleTimeout)} must not exceed {nameof(AbsoluteTimeout)}.");
        }

        Positive(problems, NonceLifetime, nameof(NonceLifetime));
        Positive(problems, MaxMessageAge, nameof(MaxMessageAge));
        if (MaxClockSkew < TimeSpan.Zero || MaxClockSkew > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{nameof(MaxClockSkew)} must lie between zero and 10 minutes.");
        }

        if (SweepInterval < TimeSpan.Zero)
        {
            problems.Add($"{nameof(SweepInterval)} must not be negative (zero turns the timer off).");
        }

        if (MaxOutstandingNonces < 1)
        {
            problems.Add($"{nameof(MaxOutstandingNonces)} must be at least 1.");
        }

        if (MaxMessageLength < 256)
        {
            problems.Add($"{nameof(MaxMessageLength)} must be at least 256 characters.");
        }

        if (MaxSessionsPerAccount < 1)
        {
            problems.Add($"{nameof(MaxSessionsPerAccount)} must be at least 1.");
        }

        if (MaxSessions < MaxSessionsPerAccount)
        {
            problems.Add($"{nameof(MaxSessions)} must be at least {nameof(MaxSessionsPerAccount)}.");
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds any problem.</summary>
    /// <exception cref="ArgumentException">The settings are invalid; the message lists every problem.</exception>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count != 0)
        {
            throw new ArgumentException("Invalid session options: " + string.Join(" ", problems));
        }
    }

    private static void Positive(List<string> problems, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{name} must be positive.");
        }
    }
}
