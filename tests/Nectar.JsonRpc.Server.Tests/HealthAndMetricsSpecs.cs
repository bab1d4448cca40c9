using System.Net;
using Nectar.JsonRpc.Server.Health;
using Nectar.JsonRpc.Server.Tests.Support;

namespace Nectar.JsonRpc.Server.Tests;

public sealed class HealthAndMetricsSpecs
{
    [Fact]
    public async Task Reports_live_and_ready()
    {
        await using var server = await ServerHarness.StartAsync();

        var health = await server.Http.GetAsync("/health");
        var live = await server.Http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"ok","live":true,"ready":true}""", await health.Content.ReadAsStringAsync());
        Assert.Equal("""{"status":"ok","live":true}""", await live.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reports_not_ready_with_503_while_live_stays_200()
    {
        await using var server = await ServerHarness.StartAsync(health: new FixedProbe(new RpcReadiness(false, "syncing")));

        var ready = await server.Http.GetAsync("/health/ready");
        var live = await server.Http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("""{"status":"unavailable","live":true,"ready":false,"reason":"syncing"}""", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Exposes_requests_by_method_and_outcome_and_latency_in_prometheus_text()
    {
        await using var server = await ServerHarness.StartAsync();
        await server.CallAsync("test_chainId");
        await server.CallAsync("test_chainId");
        await server.CallAsync("test_whoami");
        await server.CallAsync("made_up_method");

        var response = await server.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("# TYPE nectar_rpc_requests_total counter", text, StringComparison.Ordinal);
        Assert.Contains("nectar_rpc_requests_total{method=\"test_chainId\",outcome=\"ok\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("nectar_rpc_requests_total{method=\"test_whoami\",outcome=\"unauthorized\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("nectar_rpc_requests_total{method=\"(unknown)\",outcome=\"method_not_found\"} 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("made_up_method", text, StringComparison.Ordinal);
        Assert.Contains("nectar_rpc_request_duration_seconds_bucket{method=\"test_chainId\",le=\"+Inf\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("nectar_rpc_request_duration_seconds_count{method=\"test_chainId\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("nectar_rpc_websocket_connections 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_nothing_above_debug_while_serving_ordinary_traffic()
    {
        var server = await ServerHarness.StartAsync();
        await server.CallAsync("test_chainId");
        await server.CallAsync("test_whoami", token: server.Token);
        await server.CallAsync("test_whoami");
        using (var socket = await server.ConnectAsync(server.Token))
        {
            await socket.CallAsync("eth_subscribe", "[\"testTicks\"]");
        }

        await server.DisposeAsync();

        Assert.DoesNotContain(server.Logs.Entries, e => e.StartsWith("Warning", StringComparison.Ordinal) || e.StartsWith("Error", StringComparison.Ordinal) || e.StartsWith("Critical", StringComparison.Ordinal));
        Assert.Contains(server.Logs.Entries, e => e.StartsWith("Information", StringComparison.Ordinal) && e.Contains("listening", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turns_health_and_metrics_off_when_configured()
    {
        await using var server = await ServerHarness.StartAsync(new JsonRpcServerOptions { Port = 0, EnableHealth = false, EnableMetrics = false });

        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync("/metrics")).StatusCode);
    }

    private sealed class FixedProbe(RpcReadiness readiness) : IRpcHealthProbe
    {
        public ValueTask<RpcReadiness> CheckReadinessAsync(CancellationToken cancellationToken) => ValueTask.FromResult(readiness);
    }
}
