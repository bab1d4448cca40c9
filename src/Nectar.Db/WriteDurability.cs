namespace Nectar.Db;

/// <summary>How durable a committed write is when <see cref="IWriteBatch.Commit"/> returns.</summary>
public enum WriteDurability
{
    /// <summary>
    /// The write is in the write-ahead log in the operating system's page cache: it survives the process
    /// being killed at any point, but a power loss or kernel crash may lose the last writes.
    /// </summary>
    Buffered = 0,

    /// <summary>The write-ahead log is fsynced before the commit returns: the write survives a power loss.</summary>
    Synced = 1,
}
