using Nectar.Chain.Genesis;
using Nectar.Core.Primitives;

namespace Nectar.Conformance.Blockchain;

/// <summary>One named test of a BlockchainTests file: a genesis, blocks to import, and the expected head and post-state.</summary>
public sealed record BlockchainTest
{
    /// <summary>The test's name (the key in the file).</summary>
    public required string Name { get; init; }

    /// <summary>The file it came from.</summary>
    public required string File { get; init; }

    /// <summary>The fork the whole chain runs (the fixture's <c>network</c>).</summary>
    public required string Network { get; init; }

    /// <summary>The genesis block's RLP.</summary>
    public required byte[] GenesisRlp { get; init; }

    /// <summary>The genesis header fields and the <c>pre</c> allocation.</summary>
    public required GenesisSpec Genesis { get; init; }

    /// <summary>The genesis block's hash as the fixture states it.</summary>
    public required Hash256 GenesisHash { get; init; }

    /// <summary>The genesis state root as the fixture states it.</summary>
    public required Hash256 GenesisStateRoot { get; init; }

    /// <summary>The blocks, in import order.</summary>
    public required IReadOnlyList<BlockchainTestBlock> Blocks { get; init; }

    /// <summary>The expected head after importing every block.</summary>
    public required Hash256 LastBlockHash { get; init; }

    /// <summary>The expected accounts after the last block, when the fixture lists them.</summary>
    public IReadOnlyDictionary<Address, GenesisAccount>? PostState { get; init; }

    /// <summary>The expected state root after the last block, when the fixture gives only that.</summary>
    public Hash256? PostStateHash { get; init; }
}
