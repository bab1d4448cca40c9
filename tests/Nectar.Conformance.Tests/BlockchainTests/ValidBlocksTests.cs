namespace Nectar.Conformance.Tests.BlockchainTests;

/// <summary>
/// ethereum/tests BlockchainTests/ValidBlocks (bcEIP1559, bcStateTests, bcEIP1153-transientStorage, bcExample): one
/// theory case per test, named by the test. Each decodes and checks the genesis, imports every block from its RLP,
/// and compares the head with <c>lastblockhash</c> and the state with <c>postState</c>.
/// </summary>
public sealed class ValidBlocksTests
{
    public static TheoryData<string> TestNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in BlockchainTestFixtures.Tests.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TestNames))]
    public void Imports_every_block_and_reaches_the_expected_head_and_state(string name)
    {
        var test = BlockchainTestFixtures.Tests[name];

        var result = BlockchainTestFixtures.Runner.Run(test);

        Assert.True(result.Pass, $"{test.File}: {result.Error}");
        Assert.Equal(test.LastBlockHash, result.LastBlockHash);
    }

    [Fact]
    public void Fixtures_hold_the_four_valid_block_suites()
    {
        var folders = BlockchainTestFixtures.Tests.Values
            .Select(test => Path.GetFileName(Path.GetDirectoryName(test.File)))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string?>(["bcEIP1559", "bcStateTests", "bcEIP1153-transientStorage", "bcExample"], StringComparer.Ordinal), folders);
        Assert.True(BlockchainTestFixtures.Tests.Count >= 300, $"only {BlockchainTestFixtures.Tests.Count} tests found");
        Assert.True(BlockchainTestFixtures.Tests.Values.Sum(test => test.Blocks.Count) >= 400);
    }
}
