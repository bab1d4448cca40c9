namespace Nectar.Cli.Evm;

/// <summary>Expands the paths given to the test-running commands into fixture files.</summary>
internal static class FixtureFiles
{
    /// <summary>
    /// Every <c>*.json</c> below each folder (recursively, in ordinal order, so runs are reproducible) and each file
    /// given directly; a path that does not exist is reported and skipped.
    /// </summary>
    public static List<string> Expand(IEnumerable<string> paths, TextWriter error)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.json", SearchOption.AllDirectories);
                Array.Sort(found, StringComparer.Ordinal);
                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                error.WriteLine($"Not found: {path}");
            }
        }

        return files;
    }
}
