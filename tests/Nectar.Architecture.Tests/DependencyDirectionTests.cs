using Nectar.Tests;

namespace Nectar.Architecture.Tests;

public sealed class DependencyDirectionTests
{
    private static readonly IReadOnlyList<ProjectInfo> Sources = ProjectInfo.LoadAll("src");

    [Fact]
    public void Every_source_project_has_a_layer()
    {
        var missing = Sources.Where(p => !Layers.Rank.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        Assert.True(missing.Count == 0, "Projects without a layer in Layers.cs: " + string.Join(", ", missing));
    }

    [Fact]
    public void Project_references_point_to_lower_layers_only()
    {
        var violations = UpwardReferences(Sources);
        Assert.True(violations.Count == 0, "Upward or sideways references: " + string.Join(", ", violations));
    }

    [Fact]
    public void Native_bindings_are_referenced_only_by_composition_roots()
    {
        var violations = Sources
            .SelectMany(p => p.References.Where(Layers.NativeBindings.Contains).Select(r => (p.Name, r)))
            .Where(x => !Layers.CompositionRoots.Contains(x.Name))
            .Select(x => $"{x.Name} -> {x.r}")
            .ToList();
        Assert.True(violations.Count == 0, "Native bindings referenced outside the composition root: " + string.Join(", ", violations));
    }

    [Fact]
    public void Only_the_rpc_server_project_references_AspNetCore()
    {
        var violations = Sources
            .Where(p => p.FrameworkReferences.Any(f => f.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)))
            .Where(p => !Layers.WebServer.Contains(p.Name))
            .Select(p => p.Name)
            .ToList();
        Assert.True(violations.Count == 0, "ASP.NET Core referenced outside the RPC server: " + string.Join(", ", violations));
    }

    [Fact]
    public void Every_project_is_in_the_solution_and_in_the_architecture_document()
    {
        var solution = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "Nectar.slnx"));
        var architecture = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "docs", "architecture.md"));
        var all = Sources.Concat(ProjectInfo.LoadAll("tests")).Concat(ProjectInfo.LoadAll("benchmarks"));
        var notInSolution = all.Where(p => !solution.Contains(p.Name + ".csproj", StringComparison.Ordinal)).Select(p => p.Name).ToList();
        var undocumented = Sources.Where(p => !architecture.Contains("`" + p.Name + "`", StringComparison.Ordinal)).Select(p => p.Name).ToList();
        Assert.True(notInSolution.Count == 0, "Projects missing from Nectar.slnx: " + string.Join(", ", notInSolution));
        Assert.True(undocumented.Count == 0, "Projects missing from docs/architecture.md: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Layer_check_reports_an_upward_and_a_sideways_reference()
    {
        var synthetic = new[]
        {
            new ProjectInfo("Nectar.Core", "Core.csproj", ["Nectar.Evm"], []),
            new ProjectInfo("Nectar.Trie", "Trie.csproj", ["Nectar.Db.RocksDb", "Nectar.Db"], []),
        };
        Assert.Equal(["Nectar.Core -> Nectar.Evm", "Nectar.Trie -> Nectar.Db.RocksDb"], UpwardReferences(synthetic));
    }

    private static List<string> UpwardReferences(IEnumerable<ProjectInfo> projects)
    {
        var violations = new List<string>();
        foreach (var project in projects)
        {
            foreach (var reference in project.References)
            {
                if (!Layers.Rank.TryGetValue(reference, out var target) || target >= Layers.Rank[project.Name])
                {
                    violations.Add($"{project.Name} -> {reference}");
                }
            }
        }

        return violations;
    }
}
