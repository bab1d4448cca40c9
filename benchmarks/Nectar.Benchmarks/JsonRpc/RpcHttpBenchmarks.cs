using System.Net;
using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Server;
using Nectar.JsonRpc.Testing;

namespace Nectar.Benchmarks.JsonRpc;

/// <summary>
/// Trivial calls (shaped like <c>eth_chainId</c>) over HTTP on loopback with keep-alive: one client at a time, and
/// <see cref="Concurrency"/> requests in flight. Client and server share the machine, so the figure is a floor.
/// Requests per second is the <c>Op/s</c> column.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OpsConfig))]
public class RpcHttpBenchmarks
{
    private static readonly byte[] Body = """{"jsonrpc":"2.0","id":1,"method":"test_chainId","params":[]}"""u8.ToArray();
    private JsonRpcServer _server = null!;
    private HttpClient _client = null!;

    [Params(1, 32)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dispatcher = new RpcDispatcherBuilder().AddModule<ITestRpcModule>(new TestRpcModule()).AddTypeInfoResolver(TestRpcJsonContext.Default).Build();
        _server = JsonRpcServer.StartAsync(new JsonRpcServerOptions { Port = 0 }, dispatcher, new InMemoryRpcAuthenticator()).GetAwaiter().GetResult();
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = _server.HttpUri,
            DefaultRequestVersion = HttpVersion.Version11,
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = 256)]
    public async Task ChainId()
    {
        var perWorker = 256 / Concurrency;
        var workers = new Task[Concurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Worker(perWorker);
        }

        await Task.WhenAll(workers);
    }

    private async Task Worker(int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var content = new ByteArrayContent(Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _client.PostAsync(_client.BaseAddress, content).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }
    }

    private sealed class OpsConfig : ManualConfig
    {
        public OpsConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
