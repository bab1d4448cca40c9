using Nectar.Conformance.Tests.TransactionTests;

namespace Nectar.Conformance.Tests.StateTests;

/// <summary>
/// ethereum/tests GeneralStateTests: one theory case per file, running every case of every fork Nectar supports.
/// Cases listed in src/Nectar.Conformance/ExpectedFailures.json (as <c>GeneralStateTests/test/fork/dDgGvV</c>) must
/// still fail, so a fix forces the list to shrink; every other case must pass.
/// </summary>
public sealed class GeneralStateTests
{
    public static TheoryData<string> FileNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in StateTestFixtures.Files())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Every_case_of_the_file_passes(string file)
    {
        var cases = StateTestFixtures.SupportedCases(file).ToList();
        var results = StateTestFixtures.Runner.RunAll(cases);
        var expected = ExpectedFailures.Load();

        var problems = new List<string>();
        foreach (var result in results)
        {
            var name = StateTestFixtures.ExpectedFailureName(result.Case);
            if (expected.TryGetValue(name, out var reason))
            {
                if (result.Pass)
                {
                    problems.Add($"{name} is listed as an expected failure ({reason}) but passes: remove it from ExpectedFailures.json.");
                }
            }
            else if (!result.Pass)
            {
                problems.Add($"{name}: {result.Error}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Fixtures_hold_every_expected_file_and_mostly_Cancun_cases()
    {
        var files = StateTestFixtures.Files();
        Assert.True(files.Count >= 1_300, $"only {files.Count} GeneralStateTests files found");

        var cancun = files.Sum(file => StateTestFixtures.SupportedCases(file).Count(c => c.Fork == "Cancun"));
        Assert.True(cancun >= 7_700, $"only {cancun} Cancun cases found");
    }

    [Fact]
    public void Expected_failures_name_only_existing_state_test_cases()
    {
        var names = StateTestFixtures.Files()
            .SelectMany(StateTestFixtures.SupportedCases)
            .Select(StateTestFixtures.ExpectedFailureName)
            .ToHashSet(StringComparer.Ordinal);
        var stale = ExpectedFailures.Load().Keys
            .Where(name => name.StartsWith(StateTestFixtures.ExpectedFailurePrefix, StringComparison.Ordinal) && !names.Contains(name))
            .ToList();

        Assert.True(stale.Count == 0, "ExpectedFailures.json lists unknown state-test cases: " + string.Join(", ", stale));
    }
}
