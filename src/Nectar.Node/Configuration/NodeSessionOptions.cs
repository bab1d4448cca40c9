namespace Nectar.Node.Configuration;

/// <summary>The <c>sessions</c> section: Sign-In with Ethereum and bearer-token lifetimes (HIPAA automatic logoff).</summary>
public sealed class NodeSessionOptions
{
    /// <summary>A session ends when unused this long. Default 15 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session ends this long after sign-in however active it is. Default 8 hours.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// The domain (RFC 3986 authority, e.g. <c>node.example.org</c>) sign-in messages must name. Required in
    /// production; a dev-mode node defaults to <c>localhost</c>.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>
    /// The URI sign-in messages name (e.g. <c>https://node.example.org</c>); its scheme must be https outside dev
    /// mode. Defaults to <c>https://</c> plus the domain, or <c>http://localhost</c> in dev mode.
    /// </summary>
    public string? Uri { get; set; }

    /// <summary>The most live sessions. Default 100,000.</summary>
    public int MaxSessions { get; set; } = 100_000;

    /// <summary>The most live sessions of one account. Default 10.</summary>
    public int MaxSessionsPerAccount { get; set; } = 10;
}
