using System.Text.Json;
using Nectar.JsonRpc.Tests.Support;

namespace Nectar.JsonRpc.Tests.Dispatch;

public sealed class BatchSpecs
{
    private readonly RpcHarness _rpc = new();

    [Fact]
    public async Task Answers_an_empty_batch_with_one_invalid_request_object()
    {
        var (response, result) = await _rpc.SendWithResultAsync("[]");

        Assert.Equal("""{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"invalid request: empty batch"}}""", response);
        Assert.False(result.IsBatch);
    }

    [Fact]
    public async Task Answers_each_element_independently_in_order()
    {
        var response = await _rpc.SendAsync("""
            [
              {"jsonrpc":"2.0","id":1,"method":"test_echo","params":["one"]},
              {"jsonrpc":"2.0","id":2,"method":"no_such_method"},
              {"jsonrpc":"2.0","id":3,"method":"test_echo","params":[]},
              {"jsonrpc":"1.0","id":4,"method":"test_echo","params":["x"]},
              {"jsonrpc":"2.0","id":5,"method":"test_add","params":["0x1","0x2"]}
            ]
            """);

        using var document = JsonDocument.Parse(response!);
        var answers = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal([1, 2, 3, 4, 5], answers.Select(a => a.GetProperty("id").GetInt32()));
        Assert.Equal("one", RpcHarness.ResultOf(answers[0]).GetString());
        Assert.Equal(-32601, RpcHarness.ErrorOf(answers[1]).Code);
        Assert.Equal(-32602, RpcHarness.ErrorOf(answers[2]).Code);
        Assert.Equal(-32600, RpcHarness.ErrorOf(answers[3]).Code);
        Assert.Equal("0x3", RpcHarness.ResultOf(answers[4]).GetString());
    }

    [Fact]
    public async Task Answers_each_non_object_element_with_invalid_request()
    {
        var response = await _rpc.SendAsync("[1,2,3]");

        using var document = JsonDocument.Parse(response!);
        Assert.Equal(3, document.RootElement.GetArrayLength());
        Assert.All(document.RootElement.EnumerateArray(), e =>
        {
            Assert.Equal(JsonValueKind.Null, e.GetProperty("id").ValueKind);
            Assert.Equal(-32600, RpcHarness.ErrorOf(e).Code);
        });
    }

    [Fact]
    public async Task Runs_notifications_without_answering_them()
    {
        var (response, result) = await _rpc.SendWithResultAsync("""
            [
              {"jsonrpc":"2.0","method":"test_notify","params":["a"]},
              {"jsonrpc":"2.0","id":9,"method":"test_chainId"},
              {"jsonrpc":"2.0","method":"test_notify","params":["b"]}
            ]
            """);

        Assert.Equal("""[{"jsonrpc":"2.0","id":9,"result":"0x539"}]""", response);
        Assert.Equal(2, _rpc.Module.Notifications);
        Assert.Equal(3, result.RequestCount);
    }

    [Fact]
    public async Task Writes_nothing_when_every_element_is_a_notification()
    {
        var (response, result) = await _rpc.SendWithResultAsync("""[{"jsonrpc":"2.0","method":"test_notify","params":["a"]},{"jsonrpc":"2.0","method":"test_notify","params":["b"]}]""");

        Assert.Null(response);
        Assert.False(result.HasResponse);
        Assert.Equal(2, _rpc.Module.Notifications);
    }

    [Fact]
    public async Task Writes_nothing_for_a_single_notification_even_when_it_fails()
    {
        Assert.Null(await _rpc.SendAsync("""{"jsonrpc":"2.0","method":"test_fail","params":[5,"boom"]}"""));
        Assert.Null(await _rpc.SendAsync("""{"jsonrpc":"2.0","method":"no_such_method"}"""));
    }

    [Fact]
    public async Task Answers_an_invalid_request_without_id_with_null_id()
    {
        var response = await _rpc.SendAsync("""{"jsonrpc":"2.0","method":7}""");

        Assert.StartsWith("""{"jsonrpc":"2.0","id":null,"error":{"code":-32600""", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_batch_longer_than_the_limit_as_a_whole()
    {
        var rpc = new RpcHarness(new Nectar.JsonRpc.RpcLimits { MaxBatchLength = 3 });
        var element = """{"jsonrpc":"2.0","id":1,"method":"test_notify","params":["x"]}""";

        var (code, message) = RpcHarness.ErrorOf((await rpc.SendAsync("[" + string.Join(',', Enumerable.Repeat(element, 4)) + "]"))!);

        Assert.Equal(-32600, code);
        Assert.Contains("limit of 3", message, StringComparison.Ordinal);
        Assert.Equal(0, rpc.Module.Notifications);
    }

    [Fact]
    public async Task Accepts_a_batch_at_the_limit()
    {
        var rpc = new RpcHarness(new Nectar.JsonRpc.RpcLimits { MaxBatchLength = 3 });
        var element = """{"jsonrpc":"2.0","id":1,"method":"test_chainId"}""";

        var response = await rpc.SendAsync("[" + string.Join(',', Enumerable.Repeat(element, 3)) + "]");

        using var document = JsonDocument.Parse(response!);
        Assert.Equal(3, document.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Stops_running_a_batch_once_its_response_passes_the_size_limit()
    {
        var rpc = new RpcHarness(new Nectar.JsonRpc.RpcLimits { MaxResponseBytes = 4096 });
        var big = new string('a', 3000);
        var element = $$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["{{big}}"]}""";

        var response = await rpc.SendAsync("[" + string.Join(',', Enumerable.Repeat(element, 4)) + ",{\"jsonrpc\":\"2.0\",\"method\":\"test_notify\",\"params\":[\"x\"]}]");

        using var document = JsonDocument.Parse(response!);
        var answers = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(4, answers.Length);
        Assert.Equal(big, RpcHarness.ResultOf(answers[0]).GetString());
        Assert.Equal(big, RpcHarness.ResultOf(answers[1]).GetString());
        Assert.Equal((-32094, "response too large"), RpcHarness.ErrorOf(answers[2]));
        Assert.Equal((-32094, "response too large"), RpcHarness.ErrorOf(answers[3]));
        Assert.Equal(0, rpc.Module.Notifications);
    }

    [Fact]
    public async Task Replaces_a_single_response_larger_than_the_limit_with_an_error()
    {
        var rpc = new RpcHarness(new Nectar.JsonRpc.RpcLimits { MaxResponseBytes = 2048 });

        var response = await rpc.SendAsync($$"""{"jsonrpc":"2.0","id":"big","method":"test_echo","params":["{{new string('a', 3000)}}"]}""");

        Assert.Equal("""{"jsonrpc":"2.0","id":"big","error":{"code":-32094,"message":"response too large"}}""", response);
    }

    [Fact]
    public async Task Answers_a_batch_of_one_with_an_array()
    {
        Assert.Equal("""[{"jsonrpc":"2.0","id":1,"result":"0x539"}]""", await _rpc.SendAsync("""[{"jsonrpc":"2.0","id":1,"method":"test_chainId"}]"""));
    }
}
