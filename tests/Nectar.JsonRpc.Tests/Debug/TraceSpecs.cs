using Nectar.Core.Encoding;
using Nectar.JsonRpc.Tests.Eth.Support;
using static Nectar.JsonRpc.Tests.Eth.Support.EthHarness;

namespace Nectar.JsonRpc.Tests.Debug;

public sealed class TraceSpecs
{
    [Fact]
    public async Task Struct_log_trace_of_a_transfer_matches_the_execution_apis_case()
    {
        var harness = new EthHarness();
        var hash = await harness.SendAsync(DynamicFee(AliceKey, 0, Bob, 1), AsAlice);
        harness.Mine();
        var expected = ExecutionApis.Response("debug_traceTransaction", "trace-legacy-transfer.io").GetRawText();

        var response = await harness.RawCallAsync("debug_traceTransaction", $"[\"{hash}\"]", AsAuditor);

        Assert.Equal(expected.Replace("\"id\":1", "\"id\":7", StringComparison.Ordinal), response);
    }

    [Fact]
    public async Task Struct_logs_have_geths_members_with_decimal_gas_and_hex_stack()
    {
        var harness = new EthHarness();
        var hash = await harness.SendAsync(DynamicFee(AliceKey, 0, Swap, data: Hex.Decode(Word(5))), AsAlice);
        harness.Mine();
        var expected = ExecutionApis.Response("debug_traceTransaction", "trace-contract-call.io").GetProperty("result");

        var trace = Result(await harness.CallAsync("debug_traceTransaction", $"[\"{hash}\"]", AsAuditor));

        Assert.Equal(ExecutionApis.Keys(expected), ExecutionApis.Keys(trace));
        var first = trace.GetProperty("structLogs")[0];
        Assert.Equal(ExecutionApis.Keys(expected.GetProperty("structLogs")[0]), ExecutionApis.Keys(first));
        Assert.Equal("PUSH1", first.GetProperty("op").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, first.GetProperty("gas").ValueKind);
        var sstore = trace.GetProperty("structLogs").EnumerateArray().First(l => l.GetProperty("op").GetString() == "SSTORE");
        Assert.Equal(["0x5", "0x0"], sstore.GetProperty("stack").EnumerateArray().Select(s => s.GetString()).TakeLast(2));
        Assert.Equal(Word(5)[2..], sstore.GetProperty("storage").GetProperty(Word(0)[2..]).GetString());
        Assert.Equal(Word(0), trace.GetProperty("returnValue").GetString());
    }

    [Fact]
    public async Task Struct_log_switches_follow_geth()
    {
        var harness = new EthHarness();
        var hash = await harness.SendAsync(DynamicFee(AliceKey, 0, Swap, data: Hex.Decode(Word(5))), AsAlice);
        harness.Mine();

        var trace = Result(await harness.CallAsync(
            "debug_traceTransaction", $"[\"{hash}\",{{\"disableStack\":true,\"disableStorage\":true,\"enableMemory\":true,\"limit\":5}}]", AsAuditor));

        var logs = trace.GetProperty("structLogs");
        Assert.Equal(5, logs.GetArrayLength());
        Assert.All(logs.EnumerateArray(), l => Assert.False(l.TryGetProperty("stack", out _)));
        Assert.True(logs[4].TryGetProperty("memory", out var memory));
        Assert.Equal(64, memory[0].GetString()!.Length);
    }

    [Fact]
    public async Task Call_tracer_gives_geths_call_tree()
    {
        var harness = new EthHarness();
        var hash = await harness.SendAsync(DynamicFee(AliceKey, 0, Forwarder), AsAlice);
        harness.Mine();

        var root = Result(await harness.CallAsync("debug_traceTransaction", $"[\"{hash}\",{{\"tracer\":\"callTracer\"}}]", AsAuditor));
        var top = Result(await harness.CallAsync("debug_traceTransaction", $"[\"{hash}\",{{\"tracer\":\"callTracer\",\"tracerConfig\":{{\"onlyTopCall\":true}}}}]", AsAuditor));

        Assert.Equal(["from", "gas", "gasUsed", "to", "input", "calls", "value", "type"], ExecutionApis.Keys(root));
        Assert.Equal("CALL", root.GetProperty("type").GetString());
        Assert.Equal("0x186a0", root.GetProperty("gas").GetString());
        Assert.Equal(Alice.ToString(), root.GetProperty("from").GetString());
        var child = Assert.Single(root.GetProperty("calls").EnumerateArray());
        Assert.Equal(Logger.ToString(), child.GetProperty("to").GetString());
        Assert.False(top.TryGetProperty("calls", out _));
    }

    [Fact]
    public async Task Trace_call_runs_as_the_caller_and_reports_a_revert()
    {
        var harness = new EthHarness();

        var trace = Result(await harness.CallAsync("debug_traceCall", $"[{{\"to\":\"{Reverter}\"}},\"latest\",{{\"tracer\":\"callTracer\"}}]", AsOperator));

        Assert.Equal(Operator.ToString(), trace.GetProperty("from").GetString());
        Assert.Equal("execution reverted", trace.GetProperty("error").GetString());
        Assert.Equal("nope", trace.GetProperty("revertReason").GetString());
        Assert.Equal(Hex.ToHexString(RevertData()), trace.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Unknown_transaction_answers_exactly_as_the_execution_apis_case()
    {
        var harness = new EthHarness();
        var (request, response) = ExecutionApis.Exchange("debug_traceTransaction", "trace-unknown-tx.io");

        Assert.Equal(response, await harness.RawAsync(request, AsAuditor));
    }

    [Fact]
    public async Task Trace_of_a_transaction_is_for_auditors_and_node_operators_only()
    {
        var harness = new EthHarness();
        var hash = await harness.SendAsync(DynamicFee(AliceKey, 0, Bob, 1), AsAlice);
        harness.Mine();
        var missing = await harness.RawCallAsync("debug_traceTransaction", $"[\"0x{new string('d', 64)}\"]", AsAuditor);

        Assert.Contains("\"structLogs\"", await harness.RawCallAsync("debug_traceTransaction", $"[\"{hash}\"]", AsAuditor), StringComparison.Ordinal);
        Assert.Equal(missing, await harness.RawCallAsync("debug_traceTransaction", $"[\"{hash}\"]", AsAlice));
        Assert.Contains("\"structLogs\"", await harness.RawCallAsync("debug_traceTransaction", $"[\"{hash}\"]", AsOperator), StringComparison.Ordinal);
        Assert.Equal(missing, await harness.RawCallAsync("debug_traceTransaction", $"[\"{hash}\"]", AsCarol));
    }

    [Fact]
    public async Task Trace_call_needs_raw_state_others_get_the_unknown_block_answer()
    {
        var harness = new EthHarness();
        var missing = await harness.RawCallAsync("debug_traceCall", $"[{{\"to\":\"{Swap}\"}},\"0x99\"]", AsAuditor);

        Assert.Contains("\"structLogs\"", await harness.RawCallAsync("debug_traceCall", $"[{{\"to\":\"{Swap}\"}},\"latest\"]", AsOperator), StringComparison.Ordinal);
        Assert.Equal(missing, await harness.RawCallAsync("debug_traceCall", $"[{{\"to\":\"{Swap}\"}},\"latest\"]", AsAlice));
    }

    [Fact]
    public async Task Trace_call_from_another_account_is_refused()
    {
        var harness = new EthHarness();

        var response = await harness.CallAsync("debug_traceCall", $"[{{\"from\":\"{Alice}\",\"to\":\"{Swap}\"}},\"latest\"]", AsOperator);

        Assert.Equal((RpcErrorCodes.InvalidParams, "from must be the authenticated account"), Error(response));
    }
}
