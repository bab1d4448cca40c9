using Nectar.Contracts.Tests.Tooling;
using Nectar.Tests;

namespace Nectar.Contracts.Tests.Build;

/// <summary>
/// A throw-away copy of what the compile script needs (contracts/, the script, package.json, and a link to the
/// installed node_modules), so tests can break artifacts and sources without touching the checkout.
/// </summary>
internal sealed class ScratchRepository : IDisposable
{
    private readonly DirectoryInfo _root;

    public ScratchRepository()
    {
        NodeTools.RequireSolc();
        _root = Directory.CreateTempSubdirectory("nectar-contracts-");
        var source = Fixtures.RepositoryRoot;
        CopyDirectory(Path.Combine(source, "contracts"), Path.Combine(Root, "contracts"));
        Directory.CreateDirectory(Path.Combine(Root, "scripts"));
        File.Copy(Path.Combine(source, "scripts", "compile-contracts.mjs"), Path.Combine(Root, "scripts", "compile-contracts.mjs"));
        File.Copy(Path.Combine(source, "package.json"), Path.Combine(Root, "package.json"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "node_modules"), Path.Combine(source, "node_modules"));
    }

    public string Root => _root.FullName;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public (int ExitCode, string StandardOutput, string StandardError) Compile(params string[] arguments) =>
        ExternalProcess.Run(NodeTools.Node, Root, TimeSpan.FromMinutes(3), ["scripts/compile-contracts.mjs", .. arguments]);

    public void Dispose() => _root.Delete(recursive: true);

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
