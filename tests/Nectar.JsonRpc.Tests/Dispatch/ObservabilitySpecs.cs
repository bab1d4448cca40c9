using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Nectar.JsonRpc.Diagnostics;
using Nectar.JsonRpc.Tests.Support;

namespace Nectar.JsonRpc.Tests.Dispatch;

public sealed class ObservabilitySpecs
{
    [Fact]
    public async Task Logs_method_outcome_and_latency_but_never_parameters_tokens_or_exception_messages()
    {
        var logs = new CapturingLoggerProvider();
        var rpc = new RpcHarness(loggerFactory: logs);
        var registry = new Nectar.JsonRpc.Subscriptions.RpcConnectionRegistry(rpc.Dispatcher, rpc.Authenticator);
        var connection = registry.Open(new RecordingTransport());

        await rpc.SendAsync("""{"jsonrpc":"2.0","id":1,"method":"test_crash","params":["patient-record-42"]}""");
        await rpc.SendAsync("""{"jsonrpc":"2.0","id":2,"method":"test_echo","params":["diagnosis-secret"]}""");
        await rpc.SendAsync("""{"jsonrpc":"2.0","id":3,"method":"test_add","params":["0x01","0xbadbad"]}""");
        await rpc.SendAsync("""{"jsonrpc":"2.0","id":4,"method":"secret_method_name"}""");
        await connection.ProcessMessageAsync(System.Text.Encoding.UTF8.GetBytes($$"""{"jsonrpc":"2.0","id":5,"method":"nectar_authenticate","params":["{{rpc.Token}}"]}"""), CancellationToken.None);
        registry.Dispose();

        Assert.True(logs.AnyContains("test_crash"));
        Assert.True(logs.AnyContains("System.InvalidOperationException"));
        Assert.True(logs.AnyContains("nectar_authenticate"));
        Assert.False(logs.AnyContains("patient-record-42"));
        Assert.False(logs.AnyContains("diagnosis-secret"));
        Assert.False(logs.AnyContains("badbad"));
        Assert.False(logs.AnyContains("secret_method_name"));
        Assert.False(logs.AnyContains(rpc.Token));
    }

    [Fact]
    public async Task Counts_requests_by_method_and_outcome_keeping_unknown_names_out_of_tags()
    {
        var rpc = new RpcHarness();
        var seen = new ConcurrentQueue<(string Method, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, rpc.Dispatcher.Metrics.Meter) && instrument.Name == RpcMetrics.RequestsName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? method = null, outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "method")
                {
                    method = (string?)tag.Value;
                }
                else if (tag.Key == "outcome")
                {
                    outcome = (string?)tag.Value;
                }
            }

            seen.Enqueue((method!, outcome!));
        });
        listener.Start();

        await rpc.CallAsync("test_chainId");
        await rpc.CallAsync("attacker_chosen_name");
        await rpc.CallAsync("test_add", "[\"0x1\"]");
        await rpc.CallAsync("test_echo", "[\"x\"]", rpc.Anonymous());
        await rpc.SendAsync("{");

        Assert.Equal(
            [("test_chainId", "ok"), ("(unknown)", "method_not_found"), ("test_add", "invalid_params"), ("test_echo", "unauthorized"), ("(unknown)", "parse_error")],
            seen.ToArray());
    }
}
