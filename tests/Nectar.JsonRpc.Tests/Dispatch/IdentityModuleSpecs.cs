using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Modules;
using Nectar.JsonRpc.Tests.Support;

namespace Nectar.JsonRpc.Tests.Dispatch;

public sealed class IdentityModuleSpecs
{
    private readonly RpcDispatcher _dispatcher = new RpcDispatcherBuilder()
        .AddModule<IWeb3RpcModule>(new Web3RpcModule())
        .AddModule<INetRpcModule>(new NetRpcModule(1337))
        .Build();

    [Fact]
    public async Task Answers_client_version_and_network_id_without_a_token()
    {
        var version = await CallAsync("""{"jsonrpc":"2.0","id":1,"method":"web3_clientVersion"}""", anonymous: true);
        var network = await CallAsync("""{"jsonrpc":"2.0","id":1,"method":"net_version"}""", anonymous: true);

        Assert.Matches("^\"Nectar/v[0-9][^/]*/[a-z0-9-]+/dotnet[0-9.]+\"$", RpcHarness.ResultOf(version).GetRawText());
        Assert.Equal("1337", RpcHarness.ResultOf(network).GetString());
    }

    [Fact]
    public async Task Answers_net_version_exactly_as_the_execution_apis_case_for_the_same_chain()
    {
        var chainIdCase = Exchange("eth_chainId", "get-chain-id.io");
        var netVersionCase = Exchange("net_version", Directory.GetFiles(Nectar.Tests.Fixtures.Shared("execution-apis", "net_version")).Single());
        using var chainId = System.Text.Json.JsonDocument.Parse(chainIdCase.Response);
        var id = Convert.ToUInt64(chainId.RootElement.GetProperty("result").GetString(), 16);
        var dispatcher = new RpcDispatcherBuilder().AddModule<INetRpcModule>(new NetRpcModule(id)).Build();
        using var output = new RpcBufferWriter();

        await dispatcher.DispatchAsync(System.Text.Encoding.UTF8.GetBytes(netVersionCase.Request), new RpcCallContext(RpcTransportKind.Http), output);

        Assert.Equal(netVersionCase.Response, System.Text.Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public async Task Hashes_with_keccak_not_sha3()
    {
        var empty = await CallAsync("""{"jsonrpc":"2.0","id":1,"method":"web3_sha3","params":["0x"]}""", anonymous: false);
        var hello = await CallAsync("""{"jsonrpc":"2.0","id":1,"method":"web3_sha3","params":["0x68656c6c6f20776f726c64"]}""", anonymous: false);

        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", RpcHarness.ResultOf(empty).GetString());
        Assert.Equal("0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad", RpcHarness.ResultOf(hello).GetString());
    }

    [Fact]
    public async Task Requires_a_token_for_the_other_identity_methods()
    {
        Assert.Equal(-32090, RpcHarness.ErrorOf(await CallAsync("""{"jsonrpc":"2.0","id":1,"method":"net_listening"}""", anonymous: true)).Code);
        Assert.True(RpcHarness.ResultOf(await CallAsync("""{"jsonrpc":"2.0","id":1,"method":"net_listening"}""", anonymous: false)).GetBoolean());
    }

    private static (string Request, string Response) Exchange(string method, string file)
    {
        var lines = File.ReadAllLines(Path.IsPathRooted(file) ? file : Nectar.Tests.Fixtures.Shared("execution-apis", method, file));
        return (lines.Single(l => l.StartsWith(">> ", StringComparison.Ordinal))[3..], lines.Single(l => l.StartsWith("<< ", StringComparison.Ordinal))[3..]);
    }

    private async Task<System.Text.Json.JsonElement> CallAsync(string payload, bool anonymous)
    {
        using var output = new RpcBufferWriter();
        var context = anonymous
            ? new RpcCallContext(RpcTransportKind.Http)
            : new RpcCallContext(RpcTransportKind.Http, new RpcPrincipal(RpcHarness.Alice, "s", DateTimeOffset.MaxValue));
        await _dispatcher.DispatchAsync(System.Text.Encoding.UTF8.GetBytes(payload), context, output);
        using var document = System.Text.Json.JsonDocument.Parse(output.WrittenMemory);
        return document.RootElement.Clone();
    }
}
