using System.Xml.Linq;
using Nectar.Tests;

namespace Nectar.Architecture.Tests;

/// <summary>Reads project references and framework references straight from the .csproj files.</summary>
internal sealed record ProjectInfo(string Name, string Path, IReadOnlyList<string> References, IReadOnlyList<string> FrameworkReferences)
{
    public static IReadOnlyList<ProjectInfo> LoadAll(string folder)
    {
        var root = System.IO.Path.Combine(Fixtures.RepositoryRoot, folder);
        return Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .Select(Load)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static ProjectInfo Load(string path)
    {
        var doc = XDocument.Load(path);
        var refs = doc.Descendants("ProjectReference")
            .Select(e => System.IO.Path.GetFileNameWithoutExtension((string)e.Attribute("Include")!))
            .ToList();
        var frameworks = doc.Descendants("FrameworkReference")
            .Select(e => (string)e.Attribute("Include")!)
            .ToList();
        return new ProjectInfo(System.IO.Path.GetFileNameWithoutExtension(path), path, refs, frameworks);
    }
}
