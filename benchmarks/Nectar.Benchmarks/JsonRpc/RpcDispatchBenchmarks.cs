using BenchmarkDotNet.Attributes;
using Nectar.Core.Primitives;
using Nectar.JsonRpc;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Testing;

namespace Nectar.Benchmarks.JsonRpc;

/// <summary>
/// The transport-free request path: parse, validate, look up, check access, bind, call and write the response, per
/// request. The figure to watch is the allocation per request on the trivial call.
/// </summary>
[MemoryDiagnoser]
public class RpcDispatchBenchmarks
{
    private readonly byte[] _chainId = System.Text.Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"test_chainId","params":[]}""");
    private readonly byte[] _add = System.Text.Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":"a","method":"test_add","params":["0xde0b6b3a7640000","0x1bc16d674ec80000"]}""");
    private readonly byte[] _optional = System.Text.Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":2,"method":"test_optional","params":["0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed","latest"]}""");
    private readonly byte[] _batch = System.Text.Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Range(0, 10).Select(i => $$"""{"jsonrpc":"2.0","id":{{i}},"method":"test_chainId"}""")) + "]");
    private readonly byte[] _invalid = System.Text.Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"test_add","params":["0x01","0x2"]}""");
    private RpcDispatcher _dispatcher = null!;
    private RpcCallContext _context = null!;
    private RpcBufferWriter _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dispatcher = new RpcDispatcherBuilder().AddModule<ITestRpcModule>(new TestRpcModule()).AddTypeInfoResolver(TestRpcJsonContext.Default).Build();
        _context = new RpcCallContext(RpcTransportKind.InProcess, new RpcPrincipal(Address.Zero, "bench", DateTimeOffset.MaxValue));
        _output = new RpcBufferWriter(4096);
    }

    [GlobalCleanup]
    public void Cleanup() => _output.Dispose();

    [Benchmark(Baseline = true, Description = "chainId (trivial)")]
    public int ChainId() => Dispatch(_chainId);

    [Benchmark(Description = "add (two UInt256 params)")]
    public int Add() => Dispatch(_add);

    [Benchmark(Description = "optional (address, block, string result)")]
    public int Optional() => Dispatch(_optional);

    [Benchmark(Description = "batch of 10 chainId", OperationsPerInvoke = 10)]
    public int Batch() => Dispatch(_batch);

    [Benchmark(Description = "invalid params error")]
    public int InvalidParams() => Dispatch(_invalid);

    private int Dispatch(byte[] payload)
    {
        _output.Clear();
        var pending = _dispatcher.DispatchAsync(payload, _context, _output);
        pending.GetAwaiter().GetResult();
        return _output.WrittenCount;
    }
}
