using System.Net;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Testing;

namespace Nectar.JsonRpc.Server.Tests;

public sealed class OptionsSpecs
{
    [Fact]
    public void Accepts_the_defaults() => Assert.Empty(new JsonRpcServerOptions().Validate());

    [Fact]
    public void Refuses_plaintext_on_a_non_loopback_address()
    {
        var errors = new JsonRpcServerOptions { ListenAddress = IPAddress.Any }.Validate();

        Assert.Contains(errors, e => e.Contains("without TLS", StringComparison.Ordinal));
        Assert.Empty(new JsonRpcServerOptions { ListenAddress = IPAddress.Any, AllowPlaintextOnNonLoopback = true }.Validate());
    }

    [Theory]
    [InlineData("https://dapp.example/path")]
    [InlineData("dapp.example")]
    [InlineData("https://dapp.example/")]
    public void Refuses_malformed_cors_origins(string origin) =>
        Assert.NotEmpty(new JsonRpcServerOptions { CorsAllowedOrigins = [origin] }.Validate());

    [Fact]
    public void Refuses_missing_certificate_files_and_bad_limits()
    {
        var errors = new JsonRpcServerOptions { CertificatePath = "/nonexistent/cert.pfx", Port = 70000, MaxRequestBodyBytes = 1 }.Validate();

        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public async Task Refuses_to_start_with_invalid_options()
    {
        var dispatcher = new RpcDispatcherBuilder().Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            JsonRpcServer.StartAsync(new JsonRpcServerOptions { ListenAddress = IPAddress.Any }, dispatcher, new InMemoryRpcAuthenticator()));

        Assert.Contains("without TLS", error.Message, StringComparison.Ordinal);
    }
}
