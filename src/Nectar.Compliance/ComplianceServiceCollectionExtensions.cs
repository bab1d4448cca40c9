using Microsoft.Extensions.DependencyInjection;
using Nectar.Chain.Admission;
using Nectar.Compliance.Registry;
using Nectar.State;

namespace Nectar.Compliance;

/// <summary>Registers the compliance layer with a service collection.</summary>
public static class ComplianceServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AccountRegistryReader"/> over the head's state and <see cref="RegistryTransactionAdmission"/> as
    /// the <see cref="ITransactionAdmission"/>, both singletons.
    /// </summary>
    /// <param name="services">The collection.</param>
    /// <param name="headState">Returns the head's state reader (the node's state store); called at each lookup.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddNectarCompliance(this IServiceCollection services, Func<IServiceProvider, IStateReader> headState)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(headState);
        services.AddSingleton(provider => new AccountRegistryReader(() => headState(provider)));
        services.AddSingleton<ITransactionAdmission>(provider => new RegistryTransactionAdmission(provider.GetRequiredService<AccountRegistryReader>()));
        return services;
    }
}
