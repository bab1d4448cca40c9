using Nectar.Conformance.StateTests;
using Nectar.Crypto.Secp256k1;
using Nectar.Tests;

namespace Nectar.Conformance.Tests.StateTests;

/// <summary>The shipped GeneralStateTests, one runner for the assembly, and the naming of expected failures.</summary>
internal static class StateTestFixtures
{
    public const string ExpectedFailurePrefix = "GeneralStateTests/";

    private static readonly Lazy<StateTestRunner> SharedRunner = new(() => new StateTestRunner(new LibSecp256k1()));

    public static string Root => Fixtures.Shared("ethereum-tests", "GeneralStateTests");

    public static StateTestRunner Runner => SharedRunner.Value;

    /// <summary>Every fixture file, relative to <see cref="Root"/>, in ordinal order.</summary>
    public static IReadOnlyList<string> Files()
    {
        var root = Root;
        var files = Directory.GetFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public static IEnumerable<StateTestCase> SupportedCases(string file) =>
        StateTestParser.ParseFile(Path.Combine(Root, file))
            .SelectMany(test => test.Cases)
            .Where(c => StateTestRunner.IsSupported(c.Fork));

    public static string ExpectedFailureName(StateTestCase testCase) => ExpectedFailurePrefix + testCase.Name;
}
