using System.Net;
using Microsoft.Extensions.Logging;
using Nectar.Chain.Simulation;
using Nectar.JsonRpc;
using Nectar.JsonRpc.Debug;
using Nectar.JsonRpc.Dev;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Eth;
using Nectar.JsonRpc.Filters;
using Nectar.JsonRpc.Login;
using Nectar.JsonRpc.Logs;
using Nectar.JsonRpc.Modules;
using Nectar.JsonRpc.Server;
using Nectar.JsonRpc.Subscriptions;
using Nectar.Node.Adapters;
using Nectar.Node.Configuration;
using Nectar.Node.Hosting;
using Nectar.Node.Security;
using Nectar.Privacy.Access;
using Nectar.Privacy.Sessions;

namespace Nectar.Node;

public sealed partial class NectarNode
{
    private const int PortAttempts = 5;

    /// <summary>
    /// Starts the RPC endpoint. A dev node without a configured sign-in domain uses its own RPC authority
    /// (<c>127.0.0.1:PORT</c>), which must be known before the session service exists; with port 0 the node therefore
    /// picks a free port itself and, should another process take it first, starts over with a new one.
    /// </summary>
    private static async Task<RpcEndpoint> StartRpcAsync(RpcContext context, ILogger logger, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var address = options.ResolveListenAddress()!;
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Rpc.Port != 0 ? options.Rpc.Port : Hosting.PortReservation.PickFreePort(address);
            try
            {
                return await StartRpcAsync(context, address, port, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (options.Rpc.Port == 0 && attempt < PortAttempts && Hosting.PortReservation.IsAddressInUse(exception))
            {
                NodeLog.PortTaken(logger, port);
            }
        }
    }

    private static async Task<RpcEndpoint> StartRpcAsync(RpcContext context, IPAddress address, int port, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var authority = FormatAuthority(options.Rpc.Host, address, port);
        var scheme = options.Rpc.Tls.CertificatePath is null ? "http" : "https";
        var domain = options.Sessions.Domain ?? authority;
        var signInUri = options.Sessions.Uri ?? (options.DevMode ? $"{scheme}://{authority}" : $"https://{domain}");

        var sessions = new SessionService(
            CreateSessionOptions(options, context.Spec.ChainId, domain, signInUri),
            context.Secp256k1,
            context.Admission,
            audit: null,
            timeProvider: null,
            logger: context.LoggerFactory.CreateLogger<SessionService>());
        var authenticator = new SessionRpcAuthenticator(sessions);
        var owned = new List<IDisposable>();
        try
        {
            var dispatcher = BuildDispatcher(context, sessions, authenticator, signInUri, owned);
            var server = await JsonRpcServer.StartAsync(
                CreateServerOptions(options, address, port),
                dispatcher,
                authenticator,
                context.Health,
                [context.Metrics],
                cancellationToken).ConfigureAwait(false);
            return new RpcEndpoint(sessions, authenticator, owned, server);
        }
        catch
        {
            foreach (var module in owned)
            {
                module.Dispose();
            }

            authenticator.Dispose();
            sessions.Dispose();
            throw;
        }
    }

    private static RpcDispatcher BuildDispatcher(RpcContext context, SessionService sessions, SessionRpcAuthenticator authenticator, string signInUri, List<IDisposable> owned)
    {
        var options = context.Options;
        var chain = context.Chain;
        var events = context.Sequencer;
        var authorizer = DefaultReadAuthorizer.Instance;
        var loggerFactory = context.LoggerFactory;
        var simulator = new CallSimulator(chain, chain.Forks, context.Processor);

        var filters = new FilterRpcModule(chain, events, authorizer, sessions: authenticator, loggerFactory: loggerFactory);
        owned.Add(filters);
        var heads = new NewHeadsSubscriptionSource(events, authorizer, loggerFactory: loggerFactory);
        owned.Add(heads);
        var logs = new LogsSubscriptionSource(chain, events, authorizer, loggerFactory: loggerFactory);
        owned.Add(logs);

        var builder = new RpcDispatcherBuilder()
            .WithLoggerFactory(loggerFactory)
            .WithLimits(new RpcLimits
            {
                MaxRequestBytes = options.Rpc.MaxRequestBytes,
                MaxResponseBytes = options.Rpc.MaxResponseBytes,
                MaxBatchLength = options.Rpc.MaxBatchLength,
            })
            .WithConnectionOptions(new RpcConnectionOptions { MaxSubscriptions = options.Rpc.MaxSubscriptionsPerConnection })
            .AddModule<IWeb3RpcModule>(new Web3RpcModule())
            .AddModule<INetRpcModule>(new NetRpcModule(context.Spec.ChainId))
            .AddModule<IEthRpcModule>(new EthRpcModule(chain, context.Pool, simulator, authorizer))
            .AddTypeInfoResolver(EthJsonContext.Default)
            .AddModule<IDebugRpcModule>(new DebugRpcModule(chain, simulator, authorizer))
            .AddTypeInfoResolver(DebugJsonContext.Default)
            .AddModule<ILogsRpcModule>(new LogsRpcModule(chain, authorizer))
            .AddModule<IFilterRpcModule>(filters)
            .AddTypeInfoResolver(LogsJsonContext.Default)
            .AddModule<ILoginRpcModule>(new LoginRpcModule(sessions, new LoginOptions { Uri = signInUri }))
            .AddTypeInfoResolver(LoginJsonContext.Default)
            .AddSubscriptionSource(heads)
            .AddSubscriptionSource(logs)
            .AddSubscriptionSource(new PendingTransactionsSubscriptionSource());
        if (options.DevMode)
        {
            builder.AddModule<IDevRpcModule>(new DevRpcModule(new SequencerDevControls(context.Sequencer), chain));
        }

        return builder.Build();
    }

    private static SessionOptions CreateSessionOptions(NodeOptions options, ulong chainId, string domain, string signInUri)
    {
        var sessions = new SessionOptions
        {
            Domain = domain,
            ChainId = chainId,
            IdleTimeout = options.Sessions.IdleTimeout,
            AbsoluteTimeout = options.Sessions.AbsoluteTimeout,
            MaxSessions = options.Sessions.MaxSessions,
            MaxSessionsPerAccount = options.Sessions.MaxSessionsPerAccount,

            // Roles and admission are read from the registry on every request: a revocation applies at once.
            RecheckAdmissionOnUse = true,
        };
        var uri = new Uri(signInUri);
        if (options.DevMode)
        {
            sessions.AllowedSchemes.Add("http");
        }

        var domainHost = new Uri("https://" + domain).Host;
        if (!string.Equals(uri.Host, domainHost, StringComparison.OrdinalIgnoreCase))
        {
            sessions.AdditionalUriHosts.Add(uri.Host);
        }

        return sessions;
    }

    private static JsonRpcServerOptions CreateServerOptions(NodeOptions options, IPAddress address, int port)
    {
        var rpc = options.Rpc;
        return new JsonRpcServerOptions
        {
            ListenAddress = address,
            Port = port,
            CertificatePath = rpc.Tls.CertificatePath,
            CertificateKeyPath = rpc.Tls.KeyPath,
            CertificatePassword = rpc.Tls.PasswordFile is { } file ? File.ReadLines(file).FirstOrDefault() : null,
            AllowPlaintextOnNonLoopback = rpc.AllowPlaintextOnNonLoopback,
            MaxRequestBodyBytes = rpc.MaxRequestBytes,
            MaxWebSocketConnections = rpc.MaxWebSocketConnections,
            CorsAllowedOrigins = [.. rpc.CorsOrigins],
            EnableHealth = rpc.Health,
            EnableMetrics = rpc.Metrics,
        };
    }

    /// <summary>The authority clients use: the configured host name or address and the port (IPv6 in brackets).</summary>
    private static string FormatAuthority(string host, IPAddress address, int port)
    {
        var name = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? "localhost"
            : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]"
            : address.ToString();
        return $"{name}:{port}";
    }
}
