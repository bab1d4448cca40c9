using Nectar.Chain.Validation;
using Nectar.Core.Primitives;

namespace Nectar.Chain.Sequencing;

/// <summary>How the <see cref="Sequencer"/> produces blocks; validated when the sequencer is created.</summary>
public sealed record SequencerOptions
{
    /// <summary>The default collection window: 50 ms.</summary>
    public static readonly TimeSpan DefaultCollectionWindow = TimeSpan.FromMilliseconds(50);

    /// <summary>The default heartbeat: 12 s, Ethereum's slot time.</summary>
    public static readonly TimeSpan DefaultHeartbeatInterval = TimeSpan.FromSeconds(12);

    /// <summary>The default most transactions in one block.</summary>
    public const int DefaultMaxTransactionsPerBlock = 20_000;

    /// <summary>
    /// How long the sequencer waits, once an executable transaction arrives while it is idle, for more to join the
    /// same block. Zero builds at once. A longer window makes fewer, larger blocks; a receipt then takes up to the
    /// window longer.
    /// </summary>
    public TimeSpan CollectionWindow { get; init; } = DefaultCollectionWindow;

    /// <summary>
    /// How long the chain may go without a block: past it the sequencer produces one even if it is empty, so the
    /// head's timestamp (what contracts read as <c>block.timestamp</c>) keeps up with time. Zero never produces an
    /// empty block on its own. The default, 12 s, is Ethereum's slot time: an idle chain grows by one small block per
    /// slot.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; init; } = DefaultHeartbeatInterval;

    /// <summary>The most transactions in one block; the block's gas limit (the chain's, kept from the parent) bounds it too.</summary>
    public int MaxTransactionsPerBlock { get; init; } = DefaultMaxTransactionsPerBlock;

    /// <summary>The address that receives the priority fees (the header's beneficiary).</summary>
    public Address Coinbase { get; init; }

    /// <summary>The header's extra data, at most 32 bytes.</summary>
    public ReadOnlyMemory<byte> ExtraData { get; init; }

    /// <summary>
    /// Called on the producing thread once per block stored, with the time from the start of its build to the end of
    /// its storage (the node exports it as a histogram). Must be quick and must not throw: a throw is logged and
    /// ignored. <see langword="null"/>, the default, reports nothing.
    /// </summary>
    public Action<TimeSpan>? OnBlockStored { get; init; }

    /// <summary>Throws when an option is out of range, listing every problem.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (CollectionWindow < TimeSpan.Zero)
        {
            problems.Add($"CollectionWindow must not be negative, not {CollectionWindow}");
        }

        if (HeartbeatInterval < TimeSpan.Zero)
        {
            problems.Add($"HeartbeatInterval must not be negative (zero turns it off), not {HeartbeatInterval}");
        }

        if (MaxTransactionsPerBlock <= 0)
        {
            problems.Add($"MaxTransactionsPerBlock must be positive, not {MaxTransactionsPerBlock}");
        }

        if (ExtraData.Length > HeaderRules.MaxExtraDataLength)
        {
            problems.Add($"ExtraData must have at most {HeaderRules.MaxExtraDataLength} bytes, not {ExtraData.Length}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid sequencer options: " + string.Join("; ", problems) + ".", nameof(SequencerOptions));
        }
    }
}
