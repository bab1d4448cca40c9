namespace Nectar.Tests;

/// <summary>Locates the repository and the shared conformance fixtures (../shared/fixtures beside the checkout).</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository root: the nearest folder above the test binaries holding Nectar.slnx.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The shared fixtures folder, ../shared/fixtures relative to the repository root.</summary>
    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures"));

    /// <summary>A path under the shared fixtures folder; fails loudly when the fixtures are missing.</summary>
    public static string Shared(params string[] parts)
    {
        var path = Path.Combine([SharedRoot, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"Conformance fixture not found: {path}. CI and developers keep ../shared beside the checkout.");
        }

        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nectar.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Nectar.slnx not found above " + AppContext.BaseDirectory);
    }
}
