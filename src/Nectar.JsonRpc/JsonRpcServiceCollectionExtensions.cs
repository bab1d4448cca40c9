using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Nectar.JsonRpc.Dispatch;

namespace Nectar.JsonRpc;

/// <summary>Registration of the JSON-RPC framework in a service collection.</summary>
public static class JsonRpcServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="RpcDispatcher"/> built on first use: <paramref name="configure"/> adds the
    /// modules, JSON metadata, subscription sources and limits, resolving what it needs from the container. The
    /// container's logger factory is used when one is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the builder.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddNectarJsonRpc(this IServiceCollection services, Action<IServiceProvider, RpcDispatcherBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(provider =>
        {
            var builder = new RpcDispatcherBuilder();
            if (provider.GetService<ILoggerFactory>() is { } loggerFactory)
            {
                builder.WithLoggerFactory(loggerFactory);
            }

            if (provider.GetService<TimeProvider>() is { } timeProvider)
            {
                builder.WithTimeProvider(timeProvider);
            }

            configure(provider, builder);
            return builder.Build();
        });
        return services;
    }
}
