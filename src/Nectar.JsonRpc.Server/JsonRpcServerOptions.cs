using System.Net;

namespace Nectar.JsonRpc.Server;

/// <summary>
/// Typed, validated options of the JSON-RPC server. The defaults listen on loopback only; listening on any other
/// address needs a TLS certificate unless plaintext is explicitly allowed.
/// </summary>
public sealed class JsonRpcServerOptions
{
    /// <summary>The address to listen on (default 127.0.0.1).</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The port to listen on; 0 picks a free port (read it back from <see cref="JsonRpcServer.HttpUri"/>). Default 8545.</summary>
    public int Port { get; init; } = 8545;

    /// <summary>Path of the TLS certificate (PFX, or PEM with <see cref="CertificateKeyPath"/>); null for plaintext.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>Path of the PEM private key when <see cref="CertificatePath"/> is a PEM certificate.</summary>
    public string? CertificateKeyPath { get; init; }

    /// <summary>Password of the PFX file or the encrypted PEM key, if any.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>Allows plaintext HTTP on a non-loopback address (never for production; default false).</summary>
    public bool AllowPlaintextOnNonLoopback { get; init; }

    /// <summary>The largest HTTP request body in bytes (default 5 MiB); larger bodies get 413 without being read.</summary>
    public int MaxRequestBodyBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>The largest WebSocket message in bytes (default 5 MiB); a larger one closes the connection (1009).</summary>
    public int MaxWebSocketMessageBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>The most WebSocket connections open at once (default 1,024); further upgrades get 503.</summary>
    public int MaxWebSocketConnections { get; init; } = 1_024;

    /// <summary>
    /// Whether a WebSocket upgrade must carry a bearer token (default <see langword="true"/>): without one it is
    /// refused with 401 before the upgrade, so connections authenticate when they connect. When off, an anonymous
    /// connection may stay open for <see cref="AnonymousWebSocketTimeout"/> to call the public methods (sign in).
    /// </summary>
    public bool RequireWebSocketToken { get; init; } = true;

    /// <summary>
    /// How long a WebSocket connection may stay anonymous before it is closed with 4401 (default 60 s): anonymous
    /// connections can only log in and read chain identity, and must not hold connection slots.
    /// </summary>
    public TimeSpan AnonymousWebSocketTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Browser origins allowed by CORS; empty (the default) turns CORS off. <c>*</c> allows any origin.</summary>
    public IReadOnlyList<string> CorsAllowedOrigins { get; init; } = [];

    /// <summary>How often WebSocket pings are sent (default 30 s).</summary>
    public TimeSpan WebSocketKeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a closing WebSocket waits for the peer's close frame before aborting (default 5 s).</summary>
    public TimeSpan WebSocketCloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether <c>/health</c>, <c>/health/live</c> and <c>/health/ready</c> answer (default true).</summary>
    public bool EnableHealth { get; init; } = true;

    /// <summary>Whether <c>/metrics</c> answers in Prometheus text format (default true).</summary>
    public bool EnableMetrics { get; init; } = true;

    /// <summary>Lists what is wrong with these options.</summary>
    /// <returns>One message per problem; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Port is < 0 or > 65535)
        {
            errors.Add($"{nameof(Port)} must be between 0 and 65535, got {Port}.");
        }

        if (CertificatePath is not null && !File.Exists(CertificatePath))
        {
            errors.Add($"{nameof(CertificatePath)} does not exist: {CertificatePath}.");
        }

        if (CertificateKeyPath is not null && CertificatePath is null)
        {
            errors.Add($"{nameof(CertificateKeyPath)} needs {nameof(CertificatePath)}.");
        }

        if (CertificateKeyPath is not null && !File.Exists(CertificateKeyPath))
        {
            errors.Add($"{nameof(CertificateKeyPath)} does not exist: {CertificateKeyPath}.");
        }

        if (CertificatePath is null && !IPAddress.IsLoopback(ListenAddress) && !AllowPlaintextOnNonLoopback)
        {
            errors.Add($"Listening on {ListenAddress} without TLS: set {nameof(CertificatePath)}, or {nameof(AllowPlaintextOnNonLoopback)} for a test network.");
        }

        if (MaxRequestBodyBytes < 64)
        {
            errors.Add($"{nameof(MaxRequestBodyBytes)} must be at least 64, got {MaxRequestBodyBytes}.");
        }

        if (MaxWebSocketMessageBytes < 64)
        {
            errors.Add($"{nameof(MaxWebSocketMessageBytes)} must be at least 64, got {MaxWebSocketMessageBytes}.");
        }

        if (MaxWebSocketConnections < 1)
        {
            errors.Add($"{nameof(MaxWebSocketConnections)} must be at least 1, got {MaxWebSocketConnections}.");
        }

        foreach (var origin in CorsAllowedOrigins)
        {
            if (origin != "*" && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || origin.EndsWith('/')))
            {
                errors.Add($"CORS origin '{origin}' must be * or scheme://host[:port] without a path.");
            }
        }

        if (WebSocketKeepAliveInterval < TimeSpan.Zero)
        {
            errors.Add($"{nameof(WebSocketKeepAliveInterval)} must not be negative.");
        }

        if (AnonymousWebSocketTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(AnonymousWebSocketTimeout)} must be positive.");
        }

        if (WebSocketCloseTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(WebSocketCloseTimeout)} must be positive.");
        }

        return errors;
    }
}
