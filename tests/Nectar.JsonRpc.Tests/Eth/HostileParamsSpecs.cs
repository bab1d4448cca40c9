using Nectar.JsonRpc.Tests.Eth.Support;
using static Nectar.JsonRpc.Tests.Eth.Support.EthHarness;

namespace Nectar.JsonRpc.Tests.Eth;

public sealed class HostileParamsSpecs
{
    public static TheoryData<string, string> Cases()
    {
        var address = Alice.ToString();
        var hash = "0x" + new string('a', 64);
        return new TheoryData<string, string>
        {
            { "eth_getBalance", "[5,\"latest\"]" },
            { "eth_getBalance", $"[\"{address}\",\"lastest\"]" },
            { "eth_getBalance", $"[\"{address}\",\"0x1{new string('0', 70)}\"]" },
            { "eth_getBalance", $"[\"{address}\",\"0x01\"]" },
            { "eth_getBalance", $"[\"{address}\",{{\"blockHash\":\"{hash}\",\"blockNumber\":\"0x1\"}}]" },
            { "eth_getBalance", "[\"0x1234\",\"latest\"]" },
            { "eth_getBalance", "[]" },
            { "eth_getBlockByNumber", "[\"latest\",\"yes\"]" },
            { "eth_getBlockByNumber", "[{},false]" },
            { "eth_getBlockByHash", "[\"0x1234\",false]" },
            { "eth_getTransactionByHash", "[12]" },
            { "eth_getTransactionByHash", $"[\"{hash}\",\"extra\"]" },
            { "eth_getTransactionByBlockNumberAndIndex", "[\"0x0\",\"0x1ffffffffffffffff\"]" },
            { "eth_getStorageAt", $"[\"{address}\",{{}},\"latest\"]" },
            { "eth_getStorageAt", $"[\"{address}\",\"0x{new string('0', 66)}\",\"latest\"]" },
            { "eth_getProof", $"[\"{address}\",\"0x0\",\"latest\"]" },
            { "eth_call", "[\"0x00\",\"latest\"]" },
            { "eth_call", "[{\"to\":5},\"latest\"]" },
            { "eth_call", "[{\"gas\":\"0x1ffffffffffffffff\"},\"latest\"]" },
            { "eth_call", "[{\"value\":\"0x1" + new string('0', 64) + "\"},\"latest\"]" },
            { "eth_call", "[{\"input\":\"0x123\"},\"latest\"]" },
            { "eth_call", "[{\"accessList\":[{\"address\":\"0x12\"}]},\"latest\"]" },
            { "eth_call", "[{\"blobVersionedHashes\":[\"" + hash + "\"]},\"latest\"]" },
            { "eth_call", "[{\"chainId\":\"0x1\"},\"latest\"]" },
            { "eth_estimateGas", "[null]" },
            { "eth_sendRawTransaction", "[\"0xzz\"]" },
            { "eth_sendRawTransaction", "[\"0x123\"]" },
            { "eth_feeHistory", "[\"0x1\",\"newest\"]" },
            { "debug_traceTransaction", "[\"0x12\"]" },
            { "debug_traceTransaction", $"[\"{hash}\",{{\"disableStack\":\"yes\"}}]" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_parameters_are_invalid_params(string method, string parameters)
    {
        var harness = new EthHarness();

        var response = await harness.CallAsync(method, parameters, AsAuditor);

        Assert.Equal(RpcErrorCodes.InvalidParams, Error(response).Code);
    }

    [Fact]
    public async Task Unknown_tracer_is_refused()
    {
        var harness = new EthHarness();

        var response = await harness.CallAsync("debug_traceCall", $"[{{\"to\":\"{Swap}\"}},\"latest\",{{\"tracer\":\"prestateTracer\"}}]", AsAuditor);

        Assert.Equal((-32000, "tracer not found: prestateTracer"), Error(response));
    }
}
