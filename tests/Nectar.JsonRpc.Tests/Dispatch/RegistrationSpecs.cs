using Microsoft.Extensions.DependencyInjection;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Testing;

namespace Nectar.JsonRpc.Tests.Dispatch;

public sealed class RegistrationSpecs
{
    [Fact]
    public void Registers_one_dispatcher_built_from_the_container()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITestRpcModule>(new TestRpcModule());
        services.AddNectarJsonRpc((provider, builder) => builder.AddModule(provider.GetRequiredService<ITestRpcModule>()).AddTypeInfoResolver(TestRpcJsonContext.Default));
        using var provider = services.BuildServiceProvider();

        var dispatcher = provider.GetRequiredService<RpcDispatcher>();

        Assert.Same(dispatcher, provider.GetRequiredService<RpcDispatcher>());
        Assert.True(dispatcher.TryGetMethod("test_chainId", out _));
    }
}
