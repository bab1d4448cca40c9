namespace Nectar.Conformance.Tests.TransactionTests;

/// <summary>
/// ethereum/tests TransactionTests: one theory case per (file, test, fork) for every fork Nectar has rules for
/// (Frontier to Cancun in the shipped fixtures; Prague when present). Cases listed in
/// src/Nectar.Conformance/ExpectedFailures.json must still fail, so that a fix forces the list to shrink.
/// </summary>
public sealed class TransactionConformanceTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (file, test, fork) in TransactionTestCase.Enumerate())
        {
            if (TransactionTestRunner.IsSupportedFork(fork))
            {
                data.Add(file, test, fork);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Transaction_test(string file, string test, string fork)
    {
        var testCase = TransactionTestCase.Get(file, test, fork);
        var outcome = TransactionTestRunner.Process(testCase);
        var mismatch = TransactionTestRunner.Check(testCase, outcome);
        if (ExpectedFailures.Load().TryGetValue(testCase.Name, out var reason))
        {
            Assert.True(mismatch is not null, $"{testCase.Name} is listed as an expected failure ({reason}) but passes: remove it from ExpectedFailures.json.");
            return;
        }

        Assert.True(mismatch is null, $"{testCase.Name}: {mismatch}");
    }

    [Fact]
    public void Runs_every_Cancun_case_of_every_file()
    {
        var all = TransactionTestCase.Enumerate().ToList();
        var files = Directory.EnumerateFiles(TransactionTestCase.Root, "*.json", SearchOption.AllDirectories).Count();
        Assert.Equal(files, all.Select(c => c.File).Distinct().Count());
        Assert.True(files >= 200, $"only {files} TransactionTests files found");

        var cancun = all.Count(c => c.Fork == "Cancun");
        Assert.True(cancun >= 140, $"only {cancun} Cancun cases found");
        Assert.All(all.Select(c => c.Fork).Distinct(), fork => Assert.True(TransactionTestRunner.IsSupportedFork(fork), $"no rules for fork {fork}"));
    }

    [Fact]
    public void Expected_failures_name_only_existing_transaction_cases()
    {
        var cases = TransactionTestCase.Enumerate().Select(c => TransactionTestCase.NameOf(c.File, c.Test, c.Fork)).ToHashSet(StringComparer.Ordinal);
        var stale = ExpectedFailures.Load().Keys
            .Where(name => name.StartsWith("TransactionTests/", StringComparison.Ordinal) && !cases.Contains(name))
            .ToList();
        Assert.True(stale.Count == 0, "ExpectedFailures.json lists unknown transaction cases: " + string.Join(", ", stale));
    }
}
