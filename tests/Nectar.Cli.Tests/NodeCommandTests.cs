using System.CommandLine;

namespace Nectar.Cli.Tests;

public sealed class NodeCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nectar-node-cmd-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task An_invalid_configuration_lists_every_problem_and_exits_with_two()
    {
        var config = Path.Combine(_directory, "node.json");
        await File.WriteAllTextAsync(config, """{ "rpc": { "port": 70000, "host": "0.0.0.0" }, "txPool": { "capacity": 0 } }""");

        var (exit, error) = await RunAsync("node", "--config", config);

        Assert.Equal(2, exit);
        Assert.Equal(
            [
                $"error: invalid configuration {config}",
                "dataDir: required when database is rocksdb",
                "rpc.port: must lie between 0 and 65535 (got 70000)",
                "rpc.tls: listening on 0.0.0.0 needs TLS (rpc.tls.certificatePath); plain HTTP is allowed on loopback only, or with rpc.allowPlaintextOnNonLoopback on an isolated test network",
                "sessions.domain: required outside dev mode: the domain sign-in messages must name (e.g. node.example.org)",
                "txPool.capacity: must be at least 1 (got 0)",
                "txPool.perSenderLimit: must lie between 1 and txPool.capacity (got 64)",
            ],
            error);
    }

    [Fact]
    public async Task A_configuration_that_is_not_json_or_has_unknown_options_exits_with_two()
    {
        var config = Path.Combine(_directory, "node.json");
        await File.WriteAllTextAsync(config, """{ "rpc": { "prot": 1 } }""");

        var (exit, error) = await RunAsync("node", "--config", config);

        Assert.Equal(2, exit);
        Assert.StartsWith("rpc.prot: unknown option", error[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_configuration_file_exits_with_two()
    {
        var (exit, error) = await RunAsync("node", "--config", Path.Combine(_directory, "missing.json"));

        Assert.Equal(2, exit);
        Assert.StartsWith("config: cannot read", error[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_configuration_runs_until_cancelled_then_stops_with_zero()
    {
        var config = Path.Combine(_directory, "node.json");
        await File.WriteAllTextAsync(config, """
            { "dataDir": "data", "rpc": { "port": 0 }, "sessions": { "domain": "node.example.org" }, "logging": { "level": "warning" } }
            """);
        using var stop = new CancellationTokenSource();
        using var error = new StringWriter();

        var run = NectarCommand.Create().Parse(["node", "--config", config]).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = error }, stop.Token);
        var database = Path.Combine(_directory, "data", "db", "CURRENT");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!File.Exists(database))
        {
            Assert.False(run.IsCompleted, error.ToString());
            Assert.True(DateTime.UtcNow < deadline, "the database was not created in time");
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    private static async Task<(int Exit, string[] Error)> RunAsync(params string[] args)
    {
        using var error = new StringWriter();
        var exit = await NectarCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = error });
        return (exit, error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
