namespace Nectar.Cli.Accounts;

/// <summary>Where key files live when no <c>--keystore-dir</c> is given, and how they are written safely.</summary>
public static class KeystoreDirectory
{
    /// <summary>The default folder: <c>$NECTAR_KEYSTORE</c> when set, else <c>~/.nectar/keystore</c>.</summary>
    public static string Default =>
        Environment.GetEnvironmentVariable("NECTAR_KEYSTORE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nectar", "keystore");

    /// <summary>
    /// Writes a key file readable by its owner only, through a temporary file renamed into place, so a crash never
    /// leaves a half-written key file and nobody else can read it even for a moment.
    /// </summary>
    /// <param name="directory">The folder; created (owner-only) when missing.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="content">The file's text.</param>
    /// <returns>The full path of the written file.</returns>
    public static string WriteKeyFile(string directory, string fileName, string content)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var path = Path.Combine(directory, fileName);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: false);
        return path;
    }
}
