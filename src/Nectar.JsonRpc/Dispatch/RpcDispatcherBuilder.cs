using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nectar.JsonRpc.Diagnostics;
using Nectar.JsonRpc.Json;
using Nectar.JsonRpc.Subscriptions;

namespace Nectar.JsonRpc.Dispatch;

/// <summary>
/// Assembles an <see cref="RpcDispatcher"/>: modules (interfaces whose methods carry <see cref="JsonRpcMethodAttribute"/>,
/// with their implementations), source-generated JSON metadata, subscription sources and limits. <see cref="Build"/>
/// compiles the dispatch table once; the built dispatcher never reflects again.
/// </summary>
public sealed class RpcDispatcherBuilder
{
    private readonly List<(Type Interface, object Implementation)> _modules = [];
    private readonly List<IJsonTypeInfoResolver> _resolvers = [];
    private readonly Dictionary<string, IRpcSubscriptionSource> _sources = new(StringComparer.Ordinal);
    private RpcLimits _limits = RpcLimits.Default;
    private RpcConnectionOptions _connectionOptions = RpcConnectionOptions.Default;
    private ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;
    private TimeProvider _time = TimeProvider.System;
    private RpcMetrics? _metrics;

    /// <summary>Registers a module: every method of <typeparamref name="TModule"/> must carry <see cref="JsonRpcMethodAttribute"/>.</summary>
    /// <typeparam name="TModule">The module interface.</typeparam>
    /// <param name="implementation">The implementation serving every call (it must be thread-safe).</param>
    /// <returns>This builder.</returns>
    public RpcDispatcherBuilder AddModule<TModule>(TModule implementation)
        where TModule : class
    {
        ArgumentNullException.ThrowIfNull(implementation);
        if (!typeof(TModule).IsInterface)
        {
            throw new ArgumentException($"{typeof(TModule)} must be an interface declaring the module's methods.", nameof(implementation));
        }

        _modules.Add((typeof(TModule), implementation));
        return this;
    }

    /// <summary>Adds source-generated JSON metadata (a <c>JsonSerializerContext</c>) for parameter and result types.</summary>
    /// <param name="resolver">The resolver; earlier ones take precedence over later ones.</param>
    /// <returns>This builder.</returns>
    public RpcDispatcherBuilder AddTypeInfoResolver(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolvers.Add(resolver);
        return this;
    }

    /// <summary>Adds a subscription kind for <c>eth_subscribe</c>.</summary>
    /// <param name="source">The source; its <see cref="IRpcSubscriptionSource.Kind"/> must be unique.</param>
    /// <returns>This builder.</returns>
    public RpcDispatcherBuilder AddSubscriptionSource(IRpcSubscriptionSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!_sources.TryAdd(source.Kind, source))
        {
            throw new ArgumentException($"A subscription source for {source.Kind} is already registered.", nameof(source));
        }

        return this;
    }

    /// <summary>Sets the request limits.</summary>
    /// <param name="limits">The limits; validated on <see cref="Build"/>.</param>
    /// <returns>This builder.</returns>
    public RpcDispatcherBuilder WithLimits(RpcLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
        return this;
    }

    /// <summary>Sets the per-connection limits for subscriptions and queued notifications.</summary>
    /// <param name="options">The options; validated on <see cref="Build"/>.</param>
    /// <returns>This builder.</returns>
    public RpcDispatcherBuilder WithConnectionOptions(RpcConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connectionOptions = options;
        return this;
    }

    /// <summary>Sets the logger factory.</summary>
    /// <param name="loggerFactory">The factory.</param>
    /// <returns>This builder.</returns>
    public RpcDispatcherBuilder WithLoggerFactory(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _loggerFactory = loggerFactory;
        return this;
    }

    /// <summary>Sets the clock used for session expiry.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>This builder.</returns>
    public RpcDispatcherBuilder WithTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        return this;
    }

    /// <summary>Uses the given instruments instead of a new set.</summary>
    /// <param name="metrics">The instruments.</param>
    /// <returns>This builder.</returns>
    public RpcDispatcherBuilder WithMetrics(RpcMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _metrics = metrics;
        return this;
    }

    /// <summary>Validates the configuration and compiles the dispatch table.</summary>
    /// <returns>The dispatcher.</returns>
    /// <exception cref="InvalidOperationException">A limit is invalid, a method is malformed, a name is registered twice, or a type lacks JSON metadata.</exception>
    public RpcDispatcher Build()
    {
        var problems = _limits.Validate().Concat(_connectionOptions.Validate()).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid JSON-RPC limits: " + string.Join(" ", problems));
        }

        var options = CreateSerializerOptions(_resolvers, _limits);
        var sources = _sources.ToFrozenDictionary(StringComparer.Ordinal);
        var modules = new List<(Type Interface, object Implementation)>(_modules)
        {
            (typeof(IRpcSessionModule), new RpcSessionModule(sources)),
        };

        var methods = new List<RpcMethod>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (moduleInterface, implementation) in modules)
        {
            foreach (var method in moduleInterface.GetMethods().Concat(moduleInterface.GetInterfaces().SelectMany(i => i.GetMethods())))
            {
                var attribute = method.GetCustomAttribute<JsonRpcMethodAttribute>()
                    ?? throw new InvalidOperationException($"{moduleInterface.Name}.{method.Name} lacks [JsonRpcMethod]: every method of a module interface is a JSON-RPC method.");
                if (!names.Add(attribute.Name))
                {
                    throw new InvalidOperationException($"The JSON-RPC method {attribute.Name} is registered twice.");
                }

                methods.Add(InvokerFactory.Create(attribute.Name, attribute, moduleInterface, method, implementation, options));
            }
        }

        return new RpcDispatcher(methods, _limits, options, sources, _connectionOptions, _metrics ?? new RpcMetrics(), _loggerFactory, _time);
    }

    /// <summary>
    /// Serializer options over source-generated metadata only (no reflection fallback): a type without metadata fails
    /// at start-up, not on a request. Duplicate properties are refused and depth is bounded like the payload. These
    /// options, not the contexts' own attributes, decide naming: members are camelCase as Ethereum JSON is.
    /// </summary>
    internal static JsonSerializerOptions CreateSerializerOptions(IEnumerable<IJsonTypeInfoResolver> resolvers, RpcLimits limits)
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([EthereumTypeInfoResolver.Instance, .. resolvers, JsonRpcJsonContext.Default]),
            AllowDuplicateProperties = false,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            MaxDepth = limits.MaxDepth + 1,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        EthereumJsonConverters.AddTo(options);
        options.MakeReadOnly();
        return options;
    }
}
