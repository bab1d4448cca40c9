using System.Text;
using System.Text.Json;
using Nectar.JsonRpc.Tests.Support;

namespace Nectar.JsonRpc.Tests.Dispatch;

public sealed class RequestParsingSpecs
{
    private readonly RpcHarness _rpc = new();

    [Theory]
    [InlineData("{")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[\"a\"],\"id\":1")]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\"},")]
    [InlineData("not json")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\"} trailing")]
    [InlineData("{'jsonrpc':'2.0'}")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"a\":1,}")]
    public async Task Answers_invalid_json_with_parse_error_and_null_id(string payload)
    {
        var response = await _rpc.SendAsync(payload);

        var (code, _) = RpcHarness.ErrorOf(response!);
        Assert.Equal(-32700, code);
        using var document = JsonDocument.Parse(response!);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("id").ValueKind);
    }

    [Fact]
    public async Task Answers_invalid_utf8_with_parse_error()
    {
        var payload = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"\u00e9\"]}");
        var index = Array.IndexOf(payload, (byte)0xC3);
        payload[index] = 0xFF;

        var (response, _) = await _rpc.SendBytesAsync(payload);

        Assert.Equal(-32700, RpcHarness.ErrorOf(response!).Code);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"1.0","id":1,"method":"test_chainId"}""", "jsonrpc must be \"2.0\"")]
    [InlineData("""{"jsonrpc":2.0,"id":1,"method":"test_chainId"}""", "jsonrpc must be \"2.0\"")]
    [InlineData("""{"id":1,"method":"test_chainId"}""", "missing jsonrpc")]
    [InlineData("""{"jsonrpc":"2.0","id":1}""", "missing method")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":5}""", "method must be a string")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":"x"}""", "params must be an array or an object")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":7}""", "params must be an array or an object")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"test_chainId","method":"test_echo"}""", "duplicate member method")]
    [InlineData("""{"jsonrpc":"2.0","jsonrpc":"2.0","id":1,"method":"test_chainId"}""", "duplicate member jsonrpc")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"id":2,"method":"test_chainId"}""", "duplicate member id")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["a"],"params":["b"]}""", "duplicate member params")]
    public async Task Answers_malformed_requests_with_invalid_request(string payload, string reason)
    {
        var (code, message) = RpcHarness.ErrorOf((await _rpc.SendAsync(payload))!);

        Assert.Equal(-32600, code);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":{"a":1},"method":"test_chainId"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":[1],"method":"test_chainId"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":true,"method":"test_chainId"}""")]
    public async Task Refuses_ids_that_are_not_number_string_or_null_and_answers_with_null_id(string payload)
    {
        var response = await _rpc.SendAsync(payload);

        using var document = JsonDocument.Parse(response!);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("id").ValueKind);
        Assert.Equal(-32600, RpcHarness.ErrorOf(document.RootElement).Code);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("\"abc\"", "\"abc\"")]
    [InlineData("\"a\\\"b\\u00e9\"", "\"a\\\"b\\u00e9\"")]
    [InlineData("null", "null")]
    [InlineData("-5", "-5")]
    [InlineData("1.5", "1.5")]
    [InlineData("12345678901234567890123456789", "12345678901234567890123456789")]
    public async Task Echoes_the_id_byte_for_byte(string id, string expected)
    {
        var response = await _rpc.SendAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"test_chainId"}""");

        Assert.Equal($$"""{"jsonrpc":"2.0","id":{{expected}},"result":"0x539"}""", response);
    }

    [Fact]
    public async Task Keeps_a_valid_id_in_the_error_for_an_otherwise_invalid_request()
    {
        var response = await _rpc.SendAsync("""{"jsonrpc":"1.0","id":"keep-me","method":"test_chainId"}""");

        Assert.StartsWith("""{"jsonrpc":"2.0","id":"keep-me","error":{"code":-32600""", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_overlong_id()
    {
        var id = new string('7', 200);

        var response = await _rpc.SendAsync($$"""{"jsonrpc":"2.0","id":"{{id}}","method":"test_chainId"}""");

        Assert.DoesNotContain(id, response, StringComparison.Ordinal);
        Assert.Equal(-32600, RpcHarness.ErrorOf(response!).Code);
    }

    [Fact]
    public async Task Ignores_members_json_rpc_does_not_define()
    {
        var response = await _rpc.SendAsync("""{"jsonrpc":"2.0","id":1,"extra":{"deep":[1,2]},"method":"test_chainId"}""");

        Assert.Equal("""{"jsonrpc":"2.0","id":1,"result":"0x539"}""", response);
    }

    [Fact]
    public async Task Accepts_members_in_any_order_and_null_params()
    {
        var response = await _rpc.SendAsync("""{"params":null,"method":"test_chainId","id":3,"jsonrpc":"2.0"}""");

        Assert.Equal("""{"jsonrpc":"2.0","id":3,"result":"0x539"}""", response);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("true")]
    public async Task Refuses_a_root_that_is_neither_object_nor_array(string payload)
    {
        Assert.Equal(-32600, RpcHarness.ErrorOf((await _rpc.SendAsync(payload))!).Code);
    }

    [Fact]
    public async Task Refuses_nesting_deeper_than_the_limit()
    {
        var rpc = new RpcHarness(new RpcLimits { MaxDepth = 8 });
        var deep = new string('[', 9) + new string(']', 9);

        var (code, message) = RpcHarness.ErrorOf((await rpc.SendAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":{{deep}}}"""))!);

        Assert.Equal(-32600, code);
        Assert.Contains("nesting depth", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepts_nesting_up_to_the_limit()
    {
        var rpc = new RpcHarness(new RpcLimits { MaxDepth = 8 });
        var nested = new string('[', 6) + new string(']', 6);

        var response = await rpc.SendAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_chainId","extra":{{nested}}}""");

        Assert.Equal("""{"jsonrpc":"2.0","id":1,"result":"0x539"}""", response);
    }

    [Fact]
    public async Task Survives_pathological_nesting()
    {
        var deep = new string('[', 100_000);

        var (code, _) = RpcHarness.ErrorOf((await _rpc.SendAsync(deep))!);

        Assert.Equal(-32600, code);
    }

    [Fact]
    public async Task Refuses_strings_longer_than_the_limit()
    {
        var rpc = new RpcHarness(new RpcLimits { MaxStringLength = 1024 });

        var (code, message) = RpcHarness.ErrorOf((await rpc.SendAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["{{new string('a', 1025)}}"]}"""))!);

        Assert.Equal(-32600, code);
        Assert.Contains("exceeds the limit of 1024 bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_huge_number_tokens_before_converting_them()
    {
        var response = await _rpc.SendAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_fail","params":[{{new string('9', 5000)}},"x"]}""");

        Assert.Equal(-32600, RpcHarness.ErrorOf(response!).Code);
    }

    [Fact]
    public async Task Refuses_a_payload_larger_than_the_limit()
    {
        var rpc = new RpcHarness(new RpcLimits { MaxRequestBytes = 256 });

        var (code, message) = RpcHarness.ErrorOf((await rpc.SendAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["{{new string('a', 300)}}"]}"""))!);

        Assert.Equal(-32600, code);
        Assert.Contains("limit of 256 bytes", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("test_echo\\udfff")]
    public async Task Answers_a_method_name_with_a_lone_surrogate_escape_with_method_not_found(string name)
    {
        var response = await _rpc.SendAsync($$"""{"jsonrpc":"2.0","id":1,"method":"{{name}}","params":["\ud800"]}""");

        Assert.Equal(-32601, RpcHarness.ErrorOf(response!).Code);
    }

    [Fact]
    public async Task Answers_a_string_parameter_with_a_lone_surrogate_escape_with_invalid_params()
    {
        var response = await _rpc.SendAsync("""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["\ud800"]}""");

        Assert.Equal(-32602, RpcHarness.ErrorOf(response!).Code);
    }

    [Fact]
    public async Task Decodes_an_escaped_method_name()
    {
        var response = await _rpc.SendAsync("""{"jsonrpc":"2.0","id":1,"method":"test\u005fchainId"}""");

        Assert.Equal("""{"jsonrpc":"2.0","id":1,"result":"0x539"}""", response);
    }
}
