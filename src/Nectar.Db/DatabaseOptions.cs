namespace Nectar.Db;

/// <summary>
/// How to open a database: where it lives, which columns it has and how much memory it may use. The
/// in-memory store reads only <see cref="Columns"/>; an on-disk engine reads every property.
/// Call <see cref="Validate"/> (the engines do) to get every mistake reported at once.
/// </summary>
public sealed record DatabaseOptions
{
    /// <summary>The column every database has, whether listed or not.</summary>
    public const string DefaultColumn = "default";

    /// <summary>The smallest accepted <see cref="WriteBufferSize"/>: 64 KiB.</summary>
    public const long MinWriteBufferSize = 64L * 1024;

    /// <summary>The directory of an on-disk database; required by on-disk engines.</summary>
    public string? Path { get; init; }

    /// <summary>
    /// The columns to open; missing ones are created. <see cref="DefaultColumn"/> is always present, and an
    /// on-disk engine also opens every column already in the database.
    /// </summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Whether an on-disk engine creates the database when <see cref="Path"/> holds none.</summary>
    public bool CreateIfMissing { get; init; } = true;

    /// <summary>Bytes of decompressed data blocks kept in memory, shared by every column; 0 disables the cache. Default 256 MiB.</summary>
    public long BlockCacheSize { get; init; } = 256L * 1024 * 1024;

    /// <summary>Bytes one column buffers in memory before writing a file. Default 64 MiB; at least <see cref="MinWriteBufferSize"/>.</summary>
    public long WriteBufferSize { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// The distinct column names to open, <see cref="DefaultColumn"/> first and then <see cref="Columns"/>
    /// in the order given.
    /// </summary>
    /// <returns>The column names.</returns>
    public IReadOnlyList<string> ResolveColumns()
    {
        var names = new List<string>(Columns.Count + 1) { DefaultColumn };
        foreach (var name in Columns)
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Checks every option and throws one exception listing every problem found.</summary>
    /// <param name="requirePath">Whether <see cref="Path"/> must be set (on-disk engines).</param>
    /// <exception cref="ArgumentException">An option is invalid; the message lists each problem.</exception>
    public void Validate(bool requirePath)
    {
        var problems = new List<string>();
        if (requirePath && string.IsNullOrWhiteSpace(Path))
        {
            problems.Add("Path is required and must not be blank");
        }
        else if (Path is not null && Path.Contains('\0', StringComparison.Ordinal))
        {
            problems.Add("Path must not contain a NUL character");
        }

        if (Columns is null)
        {
            problems.Add("Columns must not be null");
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in Columns)
            {
                if (string.IsNullOrEmpty(name))
                {
                    problems.Add("a column name is null or empty");
                }
                else if (name.Contains('\0', StringComparison.Ordinal))
                {
                    problems.Add($"column name '{name.Replace("\0", "\\0", StringComparison.Ordinal)}' contains a NUL character");
                }
                else if (!seen.Add(name))
                {
                    problems.Add($"column '{name}' is listed more than once");
                }
            }
        }

        if (BlockCacheSize < 0)
        {
            problems.Add($"BlockCacheSize must be 0 or more bytes, not {BlockCacheSize}");
        }

        if (WriteBufferSize < MinWriteBufferSize)
        {
            problems.Add($"WriteBufferSize must be at least {MinWriteBufferSize} bytes, not {WriteBufferSize}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid database options: " + string.Join("; ", problems) + ".", nameof(DatabaseOptions));
        }
    }
}
