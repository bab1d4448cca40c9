using System.Numerics;
using Nectar.Chain.Reading;
using Nectar.Chain.TxPool;
using Nectar.JsonRpc.Server.Metrics;

namespace Nectar.Node.Hosting;

/// <summary>
/// The chain's, the pool's and the sequencer's figures on <c>/metrics</c>. Gauges (head, pool) are read at scrape
/// time; counters follow the sequencer's new heads; the block production histogram is fed by the sequencer's
/// <c>OnBlockStored</c> report. Aggregates only: no address, hash or per-account figure.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="OnNewHead"/> and <see cref="RecordBlockStored"/> run on the producing thread, lock-free and
/// without allocating; <see cref="WriteMetrics"/> runs on request threads.
/// </remarks>
internal sealed class NodeMetricsSource(IChainReader chain, TransactionPool pool) : IMetricsSource
{
    /// <summary>Upper bounds of the block production histogram, from 1 ms to 5 s.</summary>
    private static readonly double[] BlockSecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly MetricHistogram _blockSeconds = new(BlockSecondsBuckets);
    private long _blocks;
    private long _transactions;
    private long _gasUsed;

    /// <summary>Counts a new head's block, transactions and gas; subscribe it to the sequencer's new heads.</summary>
    public void OnNewHead(object? sender, NewHeadEventArgs e)
    {
        var block = e.Block;
        Interlocked.Increment(ref _blocks);
        Interlocked.Add(ref _transactions, block.Transactions.Length);

        // A block's gas is bounded by its gas limit, far below long's range; the total cannot overflow in practice.
        Interlocked.Add(ref _gasUsed, (long)block.Header.GasUsed);
    }

    /// <summary>Records one block's production time; the sequencer's <c>OnBlockStored</c>.</summary>
    public void RecordBlockStored(TimeSpan elapsed) => _blockSeconds.Record(elapsed.TotalSeconds);

    public void WriteMetrics(PrometheusWriter writer)
    {
        var head = chain.Head;
        writer.WriteGauge("nectar_chain_head_block", "Number of the chain's head block.", head.Number);
        writer.WriteGauge("nectar_chain_head_timestamp_seconds", "Timestamp of the head block, in seconds since the Unix epoch.", head.Timestamp);
        writer.WriteFamily("nectar_chain_base_fee_per_gas_wei", "Base fee per gas of the head block, in wei.", MetricType.Gauge);
        if (head.BaseFeePerGas is { } baseFee)
        {
            // Written as a double like every sample; exact below 2^53 wei.
            writer.WriteSample(baseFee.IsUInt64 ? (ulong)baseFee : (double)(BigInteger)baseFee);
        }

        writer.WriteCounter("nectar_chain_blocks_total", "Blocks this node has sealed and stored since it started.", Interlocked.Read(ref _blocks));
        writer.WriteCounter("nectar_chain_transactions_total", "Transactions included in the blocks this node has stored since it started.", Interlocked.Read(ref _transactions));
        writer.WriteCounter("nectar_chain_gas_used_total", "Gas used by the blocks this node has stored since it started.", Interlocked.Read(ref _gasUsed));

        writer.WriteFamily("nectar_txpool_transactions", "Pooled transactions: executable (next in their sender's nonce order) or future (behind a nonce gap).", MetricType.Gauge);
        writer.WriteSample(pool.ExecutableCount, new MetricLabel("state", "executable"));
        writer.WriteSample(pool.FutureCount, new MetricLabel("state", "future"));
        writer.WriteGauge("nectar_txpool_senders", "Senders with pooled transactions.", pool.SenderCount);
        writer.WriteGauge("nectar_txpool_bytes", "Encoded size of the pooled transactions, in bytes.", pool.SizeInBytes);

        writer.WriteFamily("nectar_sequencer_block_seconds", "Time from the start of a block's build to the end of its storage.", MetricType.Histogram);
        writer.WriteHistogram(_blockSeconds);
    }
}
