using Nectar.Core.Primitives;

namespace Nectar.Node.Configuration;

/// <summary>The <c>sequencer</c> section: when blocks are produced and who receives their fees.</summary>
public sealed class NodeSequencerOptions
{
    /// <summary>
    /// How long the sequencer collects after the first executable transaction arrives before it builds a block, so
    /// a burst lands in one block. Default 50 ms.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>An empty block is produced when no block was for this long; zero never produces empty blocks. Default 12 s.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>The fee recipient of produced blocks. Default the zero address.</summary>
    public Address Coinbase { get; set; }

    /// <summary>The most transactions per block; zero means as many as the gas limit allows. Default 0.</summary>
    public int MaxTransactionsPerBlock { get; set; }
}
