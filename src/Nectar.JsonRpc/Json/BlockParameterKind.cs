namespace Nectar.JsonRpc.Json;

/// <summary>Which block a <see cref="BlockParameter"/> names.</summary>
public enum BlockParameterKind
{
    /// <summary><c>"latest"</c>: the head block; also what an omitted parameter means.</summary>
    Latest = 0,

    /// <summary><c>"earliest"</c>: the genesis block.</summary>
    Earliest = 1,

    /// <summary><c>"pending"</c>: the block being built.</summary>
    Pending = 2,

    /// <summary><c>"safe"</c>: the latest safe block.</summary>
    Safe = 3,

    /// <summary><c>"finalized"</c>: the latest finalized block.</summary>
    Finalized = 4,

    /// <summary>A block number (<see cref="BlockParameter.Number"/>).</summary>
    Number = 5,

    /// <summary>A block hash (<see cref="BlockParameter.Hash"/>), with EIP-1898's <c>requireCanonical</c>.</summary>
    Hash = 6,
}
