using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nectar.Crypto;

namespace Nectar.Privacy.Sessions;

/// <summary>Registers <see cref="SessionService"/> with a service collection.</summary>
public static class SessionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SessionService"/> as a singleton. The container must provide <see cref="ISecp256k1"/> and
    /// <see cref="IAccountAdmission"/>; <see cref="ISessionAuditSink"/>, <see cref="TimeProvider"/> and logging are
    /// used when registered. The options are validated here, so a misconfigured node fails at start-up.
    /// </summary>
    /// <param name="services">The collection.</param>
    /// <param name="configure">Sets the options (at least <see cref="SessionOptions.Domain"/> and <see cref="SessionOptions.ChainId"/>).</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentException">The configured options are invalid.</exception>
    public static IServiceCollection AddNectarSessions(this IServiceCollection services, Action<SessionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        var options = new SessionOptions();
        configure(options);
        options.ThrowIfInvalid();

        services.AddSingleton(provider => new SessionService(
            options,
            provider.GetRequiredService<ISecp256k1>(),
            provider.GetRequiredService<IAccountAdmission>(),
            provider.GetService<ISessionAuditSink>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILogger<SessionService>>()));
        return services;
    }
}
