using Nectar.Conformance.Blockchain;
using Nectar.Crypto.Secp256k1;
using Nectar.Tests;

namespace Nectar.Conformance.Tests.BlockchainTests;

/// <summary>The shipped BlockchainTests/ValidBlocks, parsed once and indexed by test name, and one runner for the assembly.</summary>
internal static class BlockchainTestFixtures
{
    private static readonly Lazy<BlockchainTestRunner> SharedRunner = new(() => new BlockchainTestRunner(new LibSecp256k1()));

    private static readonly Lazy<IReadOnlyDictionary<string, BlockchainTest>> Index = new(Load);

    public static string Root => Fixtures.Shared("ethereum-tests", "BlockchainTests", "ValidBlocks");

    public static BlockchainTestRunner Runner => SharedRunner.Value;

    public static IReadOnlyDictionary<string, BlockchainTest> Tests => Index.Value;

    private static Dictionary<string, BlockchainTest> Load()
    {
        var files = Directory.GetFiles(Root, "*.json", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        var tests = new Dictionary<string, BlockchainTest>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var test in BlockchainTestParser.ParseFile(file))
            {
                if (!tests.TryAdd(test.Name, test))
                {
                    throw new InvalidDataException($"Test {test.Name} occurs in both {tests[test.Name].File} and {file}.");
                }
            }
        }

        return tests;
    }
}
