namespace Nectar.Benchmarks.Load.Targets;

/// <summary>Temporary directories for a node's data, configuration and info files.</summary>
internal static class ScratchDirectory
{
    /// <summary>Creates a fresh directory under the system's temporary directory.</summary>
    /// <param name="prefix">The start of its name.</param>
    /// <returns>Its path.</returns>
    public static string Create(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Deletes a directory and its content, ignoring one that is already gone or still held.</summary>
    /// <param name="path">The directory.</param>
    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Already gone, or a file is still open; a temporary directory may stay.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: nothing to do about it here.
        }
    }
}
