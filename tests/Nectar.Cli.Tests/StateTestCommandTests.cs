using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nectar.Tests;

namespace Nectar.Cli.Tests;

public sealed class StateTestCommandTests
{
    private static string Fixture(params string[] parts) =>
        Fixtures.Shared(["ethereum-tests", "GeneralStateTests", .. parts]);

    [Fact]
    public void Prints_one_json_object_per_case_and_a_summary()
    {
        var (exit, output, _) = Run("evm", "statetest", Fixture("VMTests", "vmArithmeticTest", "add.json"));

        Assert.Equal(0, exit);
        Assert.Equal("5 passed, 0 failed", output[^1]);
        var cases = output[..^1].Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.Equal(5, cases.Count);
        Assert.All(cases, c =>
        {
            Assert.Equal("add", c["name"]!.GetValue<string>());
            Assert.Equal("Cancun", c["fork"]!.GetValue<string>());
            Assert.True(c["pass"]!.GetValue<bool>());
            Assert.StartsWith("0x", c["stateRoot"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Null(c["error"]);
            Assert.Equal(["data", "gas", "value"], c["index"]!.AsObject().Select(p => p.Key));
        });
        Assert.Equal([0, 1, 2, 3, 4], cases.Select(c => c["index"]!["data"]!.GetValue<int>()));
    }

    [Fact]
    public void Runs_folders_recursively()
    {
        var (exit, output, _) = Run("evm", "statetest", Fixture("VMTests", "vmLogTest"));

        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+ passed, 0 failed$", output[^1]);
        Assert.True(output.Length > 5);
    }

    [Fact]
    public void Fork_option_selects_one_fork()
    {
        var file = Fixture("Pyspecs", "istanbul", "eip1344_chainid", "chainid.json");

        var all = Run("evm", "statetest", file).Output;
        var berlin = Run("evm", "statetest", "--fork", "Berlin", file).Output;

        Assert.Equal("6 passed, 0 failed", all[^1]);
        Assert.Equal("1 passed, 0 failed", berlin[^1]);
        Assert.Equal("Berlin", JsonNode.Parse(berlin[0])!["fork"]!.GetValue<string>());
    }

    [Fact]
    public void Run_option_selects_tests_by_name()
    {
        var folder = Fixture("VMTests", "vmArithmeticTest");

        var output = Run("evm", "statetest", "--run", "^addmod$", folder).Output;

        Assert.All(output[..^1], line => Assert.Equal("addmod", JsonNode.Parse(line)!["name"]!.GetValue<string>()));
        Assert.DoesNotMatch("^0 passed", output[^1]);
    }

    [Fact]
    public void Failing_case_reports_the_error_and_exits_with_one()
    {
        using var directory = new TemporaryDirectory();
        var original = JsonNode.Parse(File.ReadAllText(Fixture("VMTests", "vmArithmeticTest", "add.json")))!;
        original["add"]!["post"]!["Cancun"]![0]!["hash"] = "0x" + new string('0', 64);
        var path = Path.Combine(directory.Path, "broken.json");
        File.WriteAllText(path, original.ToJsonString());

        var (exit, output, _) = Run("evm", "statetest", path);

        Assert.Equal(1, exit);
        Assert.Equal("4 passed, 1 failed", output[^1]);
        var failed = JsonNode.Parse(output[0])!;
        Assert.False(failed["pass"]!.GetValue<bool>());
        Assert.Contains("State root", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_option_writes_struct_logs_to_stderr()
    {
        var (exit, output, error) = Run("evm", "statetest", "--trace", "--run", "^add$", Fixture("VMTests", "vmArithmeticTest", "add.json"));

        Assert.Equal(0, exit);
        Assert.Equal("5 passed, 0 failed", output[^1]);
        var steps = error.Where(line => line.StartsWith("{\"pc\"", StringComparison.Ordinal)).Select(line => JsonDocument.Parse(line)).ToList();
        Assert.NotEmpty(steps);
        var first = steps[0].RootElement;
        Assert.Equal(0, first.GetProperty("pc").GetInt32());
        Assert.Equal(1, first.GetProperty("depth").GetInt32());
        Assert.StartsWith("0x", first.GetProperty("gas").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, first.GetProperty("stack").ValueKind);
        foreach (var step in steps)
        {
            step.Dispose();
        }
    }

    private static (int Exit, string[] Output, string[] Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = NectarCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, Lines(output), Lines(error));
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed class TemporaryDirectory : IDisposable
    {
        public TemporaryDirectory()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nectar-cli-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
