using System.CommandLine;
using System.Text.Json.Nodes;
using Nectar.Tests;

namespace Nectar.Cli.Tests;

public sealed class BlockTestCommandTests
{
    private static string Fixture(params string[] parts) =>
        Fixtures.Shared(["ethereum-tests", "BlockchainTests", "ValidBlocks", .. parts]);

    [Fact]
    public void Prints_one_json_object_per_test_and_a_summary()
    {
        var (exit, output, _) = Run("evm", "blocktest", Fixture("bcExample", "shanghaiExample.json"));

        Assert.Equal(0, exit);
        Assert.Equal("1 passed, 0 failed", output[^1]);
        var test = JsonNode.Parse(output[0])!.AsObject();
        Assert.Equal(["name", "pass", "lastBlockHash", "error"], test.Select(p => p.Key));
        Assert.Equal("shanghaiExample_Cancun", test["name"]!.GetValue<string>());
        Assert.True(test["pass"]!.GetValue<bool>());
        Assert.Equal("0x644dd6bb4cfe4af99adde4001986e8b7245ad70d93231a9629cf0cbab586a7e0", test["lastBlockHash"]!.GetValue<string>());
        Assert.Null(test["error"]);
    }

    [Fact]
    public void Runs_folders_recursively_and_every_valid_block_test_passes()
    {
        var (exit, output, error) = Run("evm", "blocktest", Fixture());

        Assert.Equal(0, exit);
        Assert.Matches(@"^\d{3} passed, 0 failed$", output[^1]);
        Assert.Contains(error, line => line.Contains("tests in", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_option_selects_tests_by_name()
    {
        var output = Run("evm", "blocktest", "--run", "^tips", Fixture("bcEIP1559")).Output;

        Assert.NotEmpty(output[..^1]);
        Assert.All(output[..^1], line => Assert.StartsWith("tips", JsonNode.Parse(line)!["name"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void Failing_test_reports_the_error_and_exits_with_one()
    {
        var directory = Path.Combine(Path.GetTempPath(), "nectar-blocktest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var original = JsonNode.Parse(File.ReadAllText(Fixture("bcExample", "shanghaiExample.json")))!;
            original["shanghaiExample_Cancun"]!["lastblockhash"] = "0x" + new string('0', 64);
            var path = Path.Combine(directory, "broken.json");
            File.WriteAllText(path, original.ToJsonString());

            var (exit, output, _) = Run("evm", "blocktest", path);

            Assert.Equal(1, exit);
            Assert.Equal("0 passed, 1 failed", output[^1]);
            var failed = JsonNode.Parse(output[0])!;
            Assert.False(failed["pass"]!.GetValue<bool>());
            Assert.Contains("last block", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
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
}
