using System.Net;
using Nectar.JsonRpc.Server.Health;
using Nectar.JsonRpc.Server.Metrics;
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
    public async Task Metrics_text_parses_as_prometheus_text_after_every_kind_of_traffic()
    {
        await using var server = await ServerHarness.StartAsync(metricsSources: [new FixedSource()]);
        await server.CallAsync("test_chainId");
        await server.CallAsync("test_whoami");
        await server.CallAsync("made_up_method");
        using (var socket = await server.ConnectAsync(server.Token))
        {
            await socket.CallAsync("eth_subscribe", "[\"testTicks\"]");
        }

        var text = PrometheusText.Parse(await server.Http.GetStringAsync("/metrics"));

        Assert.Equal("counter", text.Types["nectar_rpc_requests_total"]);
        Assert.Equal("histogram", text.Types["nectar_rpc_request_duration_seconds"]);
        Assert.Equal(1, text.Value("nectar_rpc_request_duration_seconds_count{method=\"test_chainId\"}"));
        Assert.Equal(1, text.Value("nectar_rpc_requests_total{method=\"(unknown)\",outcome=\"method_not_found\"}"));
    }

    [Fact]
    public async Task Exports_the_node_sources_after_the_servers_own_families()
    {
        var source = new FixedSource();
        await using var server = await ServerHarness.StartAsync(metricsSources: [source]);

        var text = await server.Http.GetStringAsync("/metrics");

        var parsed = PrometheusText.Parse(text);
        Assert.Equal(12, parsed.Value("nectar_test_head_block"));
        Assert.Equal(3, parsed.Value("nectar_test_items{state=\"ready\"}"));
        Assert.True(text.IndexOf("nectar_rpc_websocket_closed_total", StringComparison.Ordinal) < text.IndexOf("nectar_test_head_block", StringComparison.Ordinal));

        source.Head = 13;
        Assert.Equal(13, PrometheusText.Parse(await server.Http.GetStringAsync("/metrics")).Value("nectar_test_head_block"));
        Assert.Equal(2, source.Scrapes);
    }

    [Fact]
    public void Refuses_to_render_two_sources_declaring_the_same_family()
    {
        using var metrics = new Nectar.JsonRpc.Diagnostics.RpcMetrics();
        using var exporter = new PrometheusExporter(metrics, [new FixedSource(), new FixedSource()]);

        Assert.Throws<ArgumentException>(exporter.Render);
    }

    [Fact]
    public void Refuses_a_source_that_redeclares_a_servers_family()
    {
        using var metrics = new Nectar.JsonRpc.Diagnostics.RpcMetrics();
        using var exporter = new PrometheusExporter(metrics, [new ClashingSource()]);

        Assert.Throws<ArgumentException>(exporter.Render);
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

    private sealed class FixedSource : IMetricsSource
    {
        public int Head { get; set; } = 12;

        public int Scrapes { get; private set; }

        public void WriteMetrics(PrometheusWriter writer)
        {
            Scrapes++;
            writer.WriteGauge("nectar_test_head_block", "The head.", Head);
            writer.WriteFamily("nectar_test_items", "Items by state.", MetricType.Gauge);
            writer.WriteSample(3, new MetricLabel("state", "ready"));
        }
    }

    private sealed class ClashingSource : IMetricsSource
    {
        public void WriteMetrics(PrometheusWriter writer) => writer.WriteGauge("nectar_rpc_subscriptions", "Again.", 0);
    }

    private sealed class FixedProbe(RpcReadiness readiness) : IRpcHealthProbe
    {
        public ValueTask<RpcReadiness> CheckReadinessAsync(CancellationToken cancellationToken) => ValueTask.FromResult(readiness);
    }
}
