using Nectar.Tests;

namespace Nectar.Contracts.Tests.Tooling;

/// <summary>
/// The Node.js tools the tests drive (the contract compiler script and anvil). scripts/bootstrap.sh installs
/// them; when they are missing the tests fail and say so, rather than skip.
/// </summary>
internal static class NodeTools
{
    public static string Node =>
        ExternalProcess.FindOnPath("node")
        ?? throw new InvalidOperationException("node is not on PATH. Run scripts/bootstrap.sh, which installs Node.js and the pinned npm tools.");

    public static string RequireSolc()
    {
        var solc = Path.Combine(Fixtures.RepositoryRoot, "node_modules", "solc", "package.json");
        if (!File.Exists(solc))
        {
            throw new InvalidOperationException($"solc is not installed ({solc} is missing). Run scripts/bootstrap.sh (it runs npm ci).");
        }

        return solc;
    }

    public static string Anvil
    {
        get
        {
            var anvil = Path.Combine(Fixtures.RepositoryRoot, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
            return File.Exists(anvil)
                ? anvil
                : throw new InvalidOperationException($"anvil is not installed ({anvil} is missing). Run scripts/bootstrap.sh (it runs npm ci).");
        }
    }
}
