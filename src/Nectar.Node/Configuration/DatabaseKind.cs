namespace Nectar.Node.Configuration;

/// <summary>Where the node keeps its chain and state.</summary>
public enum DatabaseKind
{
    /// <summary>RocksDB in <see cref="NodeOptions.DataDirectory"/>: durable, survives restarts and crashes.</summary>
    RocksDb = 0,

    /// <summary>In memory: everything is gone when the process ends. For tests and throw-away devnets.</summary>
    Memory = 1,
}
