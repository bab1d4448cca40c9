using System.Text.Json;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Tests.Support;

namespace Nectar.JsonRpc.Tests.Dispatch;

public sealed class MethodDispatchSpecs
{
    private readonly RpcHarness _rpc = new();

    [Fact]
    public async Task Answers_an_unknown_method_with_method_not_found_naming_it()
    {
        var (code, message) = RpcHarness.ErrorOf(await _rpc.CallAsync("eth_nothing"));

        Assert.Equal(-32601, code);
        Assert.Equal("the method eth_nothing does not exist/is not available", message);
    }

    [Fact]
    public async Task Binds_positional_parameters()
    {
        Assert.Equal("0x5", RpcHarness.ResultOf(await _rpc.CallAsync("test_add", """["0x2","0x3"]""")).GetString());
    }

    [Fact]
    public async Task Binds_named_parameters()
    {
        Assert.Equal("0x5", RpcHarness.ResultOf(await _rpc.CallAsync("test_add", """{"b":"0x3","a":"0x2"}""")).GetString());
    }

    [Fact]
    public async Task Refuses_an_unknown_named_parameter()
    {
        Assert.Equal(-32602, RpcHarness.ErrorOf(await _rpc.CallAsync("test_add", """{"a":"0x2","c":"0x3"}""")).Code);
    }

    [Fact]
    public async Task Refuses_a_duplicate_named_parameter()
    {
        var (code, message) = RpcHarness.ErrorOf(await _rpc.CallAsync("test_add", """{"a":"0x2","a":"0x3","b":"0x1"}"""));

        Assert.Equal(-32602, code);
        Assert.Contains("duplicate argument 0 (a)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_missing_required_parameter_naming_it()
    {
        var (code, message) = RpcHarness.ErrorOf(await _rpc.CallAsync("test_add", """["0x2"]"""));

        Assert.Equal(-32602, code);
        Assert.Equal("missing value for required argument 1 (b)", message);
    }

    [Fact]
    public async Task Refuses_surplus_parameters()
    {
        var (code, message) = RpcHarness.ErrorOf(await _rpc.CallAsync("test_add", """["0x2","0x3","0x4"]"""));

        Assert.Equal(-32602, code);
        Assert.Equal("too many arguments, want at most 2", message);
    }

    [Theory]
    [InlineData("""["0x02","0x3"]""", "invalid argument 0 (a): hex number with leading zero digits")]
    [InlineData("""["0x2","3"]""", "invalid argument 1 (b): hex string without 0x prefix")]
    [InlineData("""[2,"0x3"]""", "invalid argument 0 (a): must be a hex string")]
    [InlineData("""["0x","0x3"]""", "invalid argument 0 (a): hex string \"0x\"")]
    [InlineData("""["0xg","0x3"]""", "invalid argument 0 (a): invalid hex string")]
    public async Task Refuses_malformed_quantities_naming_the_parameter(string parameters, string expected)
    {
        var (code, message) = RpcHarness.ErrorOf(await _rpc.CallAsync("test_add", parameters));

        Assert.Equal(-32602, code);
        Assert.Equal(expected, message);
    }

    [Fact]
    public async Task Refuses_a_quantity_wider_than_256_bits()
    {
        var (code, message) = RpcHarness.ErrorOf(await _rpc.CallAsync("test_add", $$"""["0x1{{new string('0', 64)}}","0x1"]"""));

        Assert.Equal(-32602, code);
        Assert.Equal("invalid argument 0 (a): hex number > 256 bits", message);
    }

    [Fact]
    public async Task Refuses_null_for_a_required_parameter()
    {
        Assert.Equal(-32602, RpcHarness.ErrorOf(await _rpc.CallAsync("test_echo", "[null]")).Code);
    }

    [Fact]
    public async Task Fills_omitted_optional_trailing_parameters_with_their_defaults()
    {
        var account = "0x00000000000000000000000000000000000000aa";

        Assert.Equal(account + "@latest limit=none", RpcHarness.ResultOf(await _rpc.CallAsync("test_optional", $"[\"{account}\"]")).GetString());
        Assert.Equal(account + "@0x10 limit=none", RpcHarness.ResultOf(await _rpc.CallAsync("test_optional", $"[\"{account}\",\"0x10\"]")).GetString());
        Assert.Equal(account + "@latest limit=3", RpcHarness.ResultOf(await _rpc.CallAsync("test_optional", $"[\"{account}\",null,\"0x3\"]")).GetString());
        Assert.Equal(account + "@pending limit=none", RpcHarness.ResultOf(await _rpc.CallAsync("test_optional", $"{{\"account\":\"{account}\",\"block\":\"pending\"}}")).GetString());
    }

    [Fact]
    public async Task Binds_object_parameters_through_their_source_generated_context()
    {
        var result = RpcHarness.ResultOf(await _rpc.CallAsync("test_call", """[{"from":"0x00000000000000000000000000000000000000aa","value":"0x10","input":"0x0102"},"latest"]"""));

        Assert.Equal("""{"from":"0x00000000000000000000000000000000000000aa","to":null,"value":"0x10","gas":null,"input":"0x0102"}""", result.GetRawText());
    }

    [Theory]
    [InlineData("""[{"from":"0x00000000000000000000000000000000000000aa","from":"0x00000000000000000000000000000000000000bb"}]""", "Duplicate")]
    [InlineData("""[{"from":"0x00000000000000000000000000000000000000aa","value":"0x01"}]""", "leading zero")]
    [InlineData("""[{"from":"0xaa"}]""", "40 hex digits")]
    [InlineData("""["0x00000000000000000000000000000000000000aa"]""", "could not be converted")]
    public async Task Refuses_malformed_object_parameters_naming_the_parameter(string parameters, string reason)
    {
        var (code, message) = RpcHarness.ErrorOf(await _rpc.CallAsync("test_call", parameters));

        Assert.Equal(-32602, code);
        Assert.StartsWith("invalid argument 0 (request): ", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Answers_a_revert_with_code_3_and_the_revert_bytes_as_data()
    {
        var response = await _rpc.SendAsync("""{"jsonrpc":"2.0","id":1,"method":"test_revert","params":["0x08c379a0"]}""");

        Assert.Equal("""{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"execution reverted: test","data":"0x08c379a0"}}""", response);
    }

    [Fact]
    public async Task Matches_the_execution_apis_shape_of_a_revert()
    {
        var lines = File.ReadAllLines(Nectar.Tests.Fixtures.Shared("execution-apis", "eth_call", "call-revert-abi-error.io"));
        using var expected = JsonDocument.Parse(lines.Single(l => l.StartsWith("<<", StringComparison.Ordinal))[2..]);
        var error = expected.RootElement.GetProperty("error");
        var data = error.GetProperty("data").GetString()!;

        using var actual = JsonDocument.Parse((await _rpc.SendAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_revert","params":["{{data}}"]}"""))!);

        var actualError = actual.RootElement.GetProperty("error");
        Assert.Equal(error.GetProperty("code").GetInt32(), actualError.GetProperty("code").GetInt32());
        Assert.Equal(data, actualError.GetProperty("data").GetString());
        Assert.StartsWith("execution reverted", actualError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(expected.RootElement.EnumerateObject().Select(p => p.Name).Order(), actual.RootElement.EnumerateObject().Select(p => p.Name).Order());
    }

    [Theory]
    [InlineData(1, "nonce too low: next nonce 5, tx nonce 4")]
    [InlineData(2, "nonce too high: next nonce 5, tx nonce 9")]
    [InlineData(-32000, "header not found")]
    [InlineData(-32093, "rate limited")]
    public async Task Answers_with_the_code_and_message_the_method_raised(int code, string message)
    {
        var error = RpcHarness.ErrorOf(await _rpc.CallAsync("test_fail", $"[{code},\"{message}\"]"));

        Assert.Equal((code, message), error);
    }

    [Fact]
    public async Task Answers_an_unexpected_exception_with_internal_error_without_details()
    {
        var response = await _rpc.SendAsync("""{"jsonrpc":"2.0","id":1,"method":"test_crash","params":["patient-record-42"]}""");

        Assert.Equal("""{"jsonrpc":"2.0","id":1,"error":{"code":-32603,"message":"internal error"}}""", response);
    }

    [Fact]
    public async Task Completes_asynchronous_methods()
    {
        Assert.Equal("0x1", RpcHarness.ResultOf(await _rpc.CallAsync("test_delay", """["0x1"]""")).GetString());
    }

    [Fact]
    public async Task Answers_a_cancelled_request_with_an_error()
    {
        using var cts = new CancellationTokenSource();
        var context = new RpcCallContext(RpcTransportKind.InProcess, _rpc.Authenticated().Principal, cancellationToken: cts.Token);
        var pending = _rpc.SendAsync("""{"jsonrpc":"2.0","id":1,"method":"test_delay","params":["0xea60"]}""", context);

        await cts.CancelAsync();

        Assert.Equal(-32603, RpcHarness.ErrorOf((await pending)!).Code);
    }

    [Fact]
    public async Task Serializes_typed_results_with_the_ethereum_converters()
    {
        var hash = "0x" + new string('a', 64);

        Assert.Equal(hash, RpcHarness.ResultOf(await _rpc.CallAsync("test_hash", $"[\"{hash.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)}\"]")).GetString());
        Assert.Equal("0x", RpcHarness.ResultOf(await _rpc.CallAsync("test_data", "[\"0x\"]")).GetString());
        Assert.Equal("0x00ff", RpcHarness.ResultOf(await _rpc.CallAsync("test_data", "[\"0x00FF\"]")).GetString());
    }

    [Fact]
    public void Lists_every_method_with_its_access_and_parameters()
    {
        var methods = _rpc.Dispatcher.Methods.ToDictionary(m => m.Name);

        Assert.True(methods["test_chainId"].IsPublic);
        Assert.False(methods["test_echo"].IsPublic);
        Assert.True(methods["nectar_authenticate"].IsPublic);
        Assert.False(methods["eth_subscribe"].IsPublic);
        Assert.Equal(["account", "block", "limit"], methods["test_optional"].Parameters.Select(p => p.Name));
        Assert.Equal([false, true, true], methods["test_optional"].Parameters.Select(p => p.IsOptional));
        Assert.DoesNotContain(methods["test_whoami"].Parameters, p => p.Type == typeof(RpcCallContext));
    }

    [Fact]
    public void Refuses_to_build_with_a_type_lacking_json_metadata()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RpcDispatcherBuilder().AddModule<IUnregisteredTypeModule>(new UnregisteredTypeModule()).Build());

        Assert.Contains("no source-generated JSON metadata", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_to_build_with_a_method_registered_twice()
    {
        var builder = new RpcDispatcherBuilder().AddModule<Nectar.JsonRpc.Testing.ITestRpcModule>(new Nectar.JsonRpc.Testing.TestRpcModule())
            .AddModule<Nectar.JsonRpc.Testing.ITestRpcModule>(new Nectar.JsonRpc.Testing.TestRpcModule())
            .AddTypeInfoResolver(Nectar.JsonRpc.Testing.TestRpcJsonContext.Default);

        Assert.Throws<InvalidOperationException>(builder.Build);
    }

    [Fact]
    public void Refuses_to_build_with_invalid_limits()
    {
        var builder = new RpcDispatcherBuilder().WithLimits(new RpcLimits { MaxBatchLength = 0 });

        Assert.Contains("MaxBatchLength", Assert.Throws<InvalidOperationException>(builder.Build).Message, StringComparison.Ordinal);
    }

    public interface IUnregisteredTypeModule
    {
        [JsonRpcMethod("bad_method")]
        Version Get(Version version);
    }

    private sealed class UnregisteredTypeModule : IUnregisteredTypeModule
    {
        public Version Get(Version version) => version;
    }
}
