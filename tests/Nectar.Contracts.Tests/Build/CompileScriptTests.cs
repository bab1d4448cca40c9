using Nectar.Contracts.Tests.Tooling;
using Nectar.Tests;

namespace Nectar.Contracts.Tests.Build;

/// <summary>The rule of the repository: committed artifacts are exactly what the pinned solc produces from contracts/.</summary>
public sealed class CompileScriptTests
{
    [Fact]
    public void Committed_artifacts_are_what_the_pinned_compiler_produces_from_the_sources()
    {
        NodeTools.RequireSolc();
        var (exitCode, output, error) = ExternalProcess.Run(
            NodeTools.Node, Fixtures.RepositoryRoot, TimeSpan.FromMinutes(3), "scripts/compile-contracts.mjs", "--check");

        Assert.True(exitCode == 0, $"The committed contract artifacts are stale; run node scripts/compile-contracts.mjs and commit contracts/out.\n{error}{output}");
        Assert.Contains("are current", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_names_every_stale_missing_and_orphaned_artifact_and_changes_nothing()
    {
        using var scratch = new ScratchRepository();
        File.AppendAllText(scratch.PathOf("contracts/out/Counter.json"), " ");
        File.Delete(scratch.PathOf("contracts/out/KeccakLoop.json"));
        File.WriteAllText(scratch.PathOf("contracts/out/Ghost.json"), "{}\n");

        var (exitCode, _, error) = scratch.Compile("--check");

        Assert.Equal(1, exitCode);
        Assert.Contains("stale: contracts/out/Counter.json", error, StringComparison.Ordinal);
        Assert.Contains("missing: contracts/out/KeccakLoop.json", error, StringComparison.Ordinal);
        Assert.Contains("orphaned (no contract produces it): contracts/out/Ghost.json", error, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountRegistry.json", error, StringComparison.Ordinal);
        Assert.EndsWith(" ", File.ReadAllText(scratch.PathOf("contracts/out/Counter.json")), StringComparison.Ordinal);
        Assert.False(File.Exists(scratch.PathOf("contracts/out/KeccakLoop.json")));
    }

    [Fact]
    public void An_edited_source_makes_only_its_own_artifact_stale()
    {
        using var scratch = new ScratchRepository();
        File.AppendAllText(scratch.PathOf("contracts/test/Counter.sol"), "// an edit that changes no code\n");

        var (exitCode, _, error) = scratch.Compile("--check");

        Assert.Equal(1, exitCode);
        Assert.Contains("stale: contracts/out/Counter.json", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Erc20.json", error, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountRegistry.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compiling_from_scratch_reproduces_the_committed_bytes_and_a_second_run_writes_nothing()
    {
        using var scratch = new ScratchRepository();
        Directory.Delete(scratch.PathOf("contracts/out"), recursive: true);

        var first = scratch.Compile();
        var second = scratch.Compile();

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.True(second.ExitCode == 0, second.StandardError);
        Assert.DoesNotContain("wrote", second.StandardOutput, StringComparison.Ordinal);
        var committed = Directory.GetFiles(Path.Combine(Fixtures.RepositoryRoot, "contracts", "out"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var produced = Directory.GetFiles(scratch.PathOf("contracts/out"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(committed, produced);
        foreach (var name in produced)
        {
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(Fixtures.RepositoryRoot, "contracts", "out", name!)),
                File.ReadAllBytes(scratch.PathOf("contracts/out/" + name)));
        }
    }

    [Fact]
    public void A_compiler_warning_fails_the_build()
    {
        using var scratch = new ScratchRepository();
        File.WriteAllText(scratch.PathOf("contracts/test/Sloppy.sol"), """
            // SPDX-License-Identifier: UNLICENSED
            pragma solidity 0.8.30;

            contract Sloppy {
                function f(uint256 unused) external pure returns (uint256) {
                    return 1;
                }
            }
            """);

        var (exitCode, _, error) = scratch.Compile("--check");

        Assert.Equal(1, exitCode);
        Assert.Contains("compilation failed", error, StringComparison.Ordinal);
        Assert.Contains("Unused function parameter", error, StringComparison.Ordinal);
    }
}
