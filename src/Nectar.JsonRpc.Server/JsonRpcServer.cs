using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nectar.JsonRpc.Authentication;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Server.Health;
using Nectar.JsonRpc.Server.Hosting;
using Nectar.JsonRpc.Server.Http;
using Nectar.JsonRpc.Server.Metrics;
using Nectar.JsonRpc.Server.WebSockets;
using Nectar.JsonRpc.Subscriptions;

namespace Nectar.JsonRpc.Server;

/// <summary>
/// The JSON-RPC server on Kestrel: HTTP POST and WebSocket on one port (<c>/</c> and <c>/rpc</c>), <c>/health</c>
/// and <c>/metrics</c>. Start it in-process with <see cref="StartAsync"/> (port 0 picks a free port; read the bound
/// address from <see cref="HttpUri"/>), stop it with <see cref="DisposeAsync"/>.
/// </summary>
public sealed partial class JsonRpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;

    private JsonRpcServer(WebApplication app, Uri httpUri, RpcConnectionRegistry connections, PrometheusExporter exporter)
    {
        _app = app;
        HttpUri = httpUri;
        WebSocketUri = new UriBuilder(httpUri) { Scheme = httpUri.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
        Connections = connections;
        Metrics = exporter;
    }

    /// <summary>The bound HTTP address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri HttpUri { get; }

    /// <summary>The bound WebSocket address, e.g. <c>ws://127.0.0.1:41234/</c>.</summary>
    public Uri WebSocketUri { get; }

    /// <summary>The open WebSocket connections.</summary>
    public RpcConnectionRegistry Connections { get; }

    /// <summary>The Prometheus exporter behind <c>/metrics</c>.</summary>
    public PrometheusExporter Metrics { get; }

    /// <summary>Validates the options, binds the listener and starts serving.</summary>
    /// <param name="options">The server options.</param>
    /// <param name="dispatcher">The dispatcher requests run through.</param>
    /// <param name="authenticator">Turns bearer tokens into principals and reports ended sessions.</param>
    /// <param name="healthProbe">The readiness check; without one the server is ready once started.</param>
    /// <param name="metricsSources">The node's figures <c>/metrics</c> exports after the server's own (chain, pool, sequencer).</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public static async Task<JsonRpcServer> StartAsync(
        JsonRpcServerOptions options,
        RpcDispatcher dispatcher,
        IRpcAuthenticator authenticator,
        IRpcHealthProbe? healthProbe = null,
        IReadOnlyList<IMetricsSource>? metricsSources = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(authenticator);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid JSON-RPC server options: " + string.Join(" ", problems));
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = Math.Min(options.MaxRequestBodyBytes, dispatcher.Limits.MaxRequestBytes);
            kestrel.Listen(options.ListenAddress, options.Port, listen =>
            {
                // HTTP/2 needs TLS negotiation; plaintext endpoints speak HTTP/1.1 (what Ethereum clients use anyway).
                listen.Protocols = HttpProtocols.Http1;
                if (options.CertificatePath is { } path)
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(LoadCertificate(path, options.CertificateKeyPath, options.CertificatePassword));
                }
            });
        });

        // The host's own categories log at Warning and above only: its request lines would carry URLs.
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddProvider(new ForwardingLoggerProvider(dispatcher.LoggerFactory));

        var app = builder.Build();
        var logger = dispatcher.LoggerFactory.CreateLogger("Nectar.JsonRpc.Server");
        var registry = new RpcConnectionRegistry(dispatcher, authenticator);
        var exporter = new PrometheusExporter(dispatcher.Metrics, metricsSources);
        var endpoints = new Endpoints(
            options,
            new RpcHttpHandler(dispatcher, authenticator, options, logger),
            new WebSocketRpcHandler(registry, options, logger),
            new Cors(options.CorsAllowedOrigins),
            exporter,
            healthProbe,
            logger);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.WebSocketKeepAliveInterval });
        app.Run(endpoints.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            registry.Dispose();
            exporter.Dispose();
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        ServerLog.Listening(logger, uri.ToString());
        return new JsonRpcServer(app, uri, registry, exporter);
    }

    /// <summary>Closes every WebSocket connection (status 1001), then stops the listener and waits for requests in flight.</summary>
    /// <param name="cancellationToken">Cuts the wait for requests in flight short.</param>
    /// <returns>A task completing when the server has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        Connections.Dispose();
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        Metrics.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static X509Certificate2 LoadCertificate(string path, string? keyPath, string? password)
    {
        if (keyPath is not null)
        {
            return password is null
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password);
    }
}
