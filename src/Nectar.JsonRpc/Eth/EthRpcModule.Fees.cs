using System.Text;
using System.Text.Json;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Receipts;
using Nectar.Core.Transactions;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Eth;

public sealed partial class EthRpcModule
{
    /// <inheritdoc />
    public UInt256 GasPrice()
    {
        var next = NextBaseFee(_chain.Head);
        return UInt256.AddOverflow(next, _options.SuggestedPriorityFee, out var price) ? UInt256.MaxValue : price;
    }

    /// <inheritdoc />
    public UInt256 MaxPriorityFeePerGas() => _options.SuggestedPriorityFee;

    /// <inheritdoc />
    /// <remarks>
    /// Aggregates over every transaction of each block (fees, not who paid them), so every authenticated caller gets
    /// the same answer. Rewards are given whenever percentiles are asked for, zeros for an empty block, because tools
    /// read <c>reward[0][0]</c> without checking.
    /// </remarks>
    public FeeHistory FeeHistory(JsonElement blockCount, BlockParameter newestBlock, IReadOnlyList<double>? rewardPercentiles = null)
    {
        var requested = ParseBlockCount(blockCount);
        var percentiles = CheckPercentiles(rewardPercentiles);
        var newest = RequireHeader(newestBlock);
        var count = (int)Math.Min(Math.Min(requested, (ulong)_options.MaxFeeHistoryBlocks), newest.Number + 1);
        if (count == 0)
        {
            return new FeeHistory
            {
                OldestBlock = 0,
                Reward = percentiles is null ? null : [],
                BaseFeePerGas = [],
                GasUsedRatio = [],
                BaseFeePerBlobGas = [],
                BlobGasUsedRatio = [],
            };
        }

        var oldest = newest.Number - (ulong)count + 1;
        var baseFees = new UInt256[count + 1];
        var blobFees = new UInt256[count + 1];
        var ratios = new double[count];
        var blobRatios = new double[count];
        var rewards = percentiles is null ? null : new IReadOnlyList<UInt256>[count];
        for (var i = 0; i < count; i++)
        {
            var block = _chain.FindBlock(oldest + (ulong)i) ?? throw new RpcException(RpcErrorCodes.ServerError, EthErrors.HeaderNotFound);
            var header = block.Header;
            var spec = _simulator.Forks.At(header.Timestamp);
            baseFees[i] = header.BaseFeePerGas ?? UInt256.Zero;
            blobFees[i] = header.ExcessBlobGas is { } excess ? BlobGas.BaseFeePerBlobGas(excess, spec) : UInt256.Zero;
            ratios[i] = header.GasLimit == 0 ? 0 : (double)header.GasUsed / header.GasLimit;
            if (rewards is not null)
            {
                rewards[i] = Rewards(block, percentiles!);
            }
        }

        var last = _chain.FindBlock(newest.Number)!.Header;
        var nextSpec = _simulator.Forks.At(last.Timestamp + 1);
        baseFees[count] = NextBaseFee(last);
        blobFees[count] = BlobGas.NextExcess(last, nextSpec) is { } nextExcess ? BlobGas.BaseFeePerBlobGas(nextExcess, nextSpec) : UInt256.Zero;
        return new FeeHistory
        {
            OldestBlock = oldest,
            Reward = rewards,
            BaseFeePerGas = baseFees,
            GasUsedRatio = ratios,
            BaseFeePerBlobGas = blobFees,
            BlobGasUsedRatio = blobRatios,
        };
    }

    private UInt256 NextBaseFee(BlockHeader parent) => BaseFee.Next(parent, _simulator.Forks.At(parent.Timestamp + 1)) ?? UInt256.Zero;

    /// <summary>
    /// The effective tip at each percentile of the block's gas: transactions sorted by tip, each weighing its gas used,
    /// the tip of the transaction whose gas reaches the percentile (go-ethereum's rule).
    /// </summary>
    private UInt256[] Rewards(Block block, IReadOnlyList<double> percentiles)
    {
        var rewards = new UInt256[percentiles.Count];
        var transactions = block.Transactions;
        if (transactions.Length == 0 || _chain.FindReceipts(block.Hash) is not { } receipts)
        {
            return rewards;
        }

        var baseFee = block.Header.BaseFeePerGas ?? UInt256.Zero;
        var tips = new (UInt256 Tip, ulong Gas)[transactions.Length];
        for (var i = 0; i < transactions.Length; i++)
        {
            tips[i] = (EffectiveTip(transactions[i], baseFee), GasUsed(receipts, i));
        }

        Array.Sort(tips, static (a, b) => a.Tip.CompareTo(b.Tip));
        var index = 0;
        var sum = tips[0].Gas;
        for (var i = 0; i < percentiles.Count; i++)
        {
            var threshold = (ulong)(block.Header.GasUsed * percentiles[i] / 100);
            while (sum < threshold && index < tips.Length - 1)
            {
                index++;
                sum += tips[index].Gas;
            }

            rewards[i] = tips[index].Tip;
        }

        return rewards;
    }

    private static UInt256 EffectiveTip(Transaction transaction, in UInt256 baseFee)
    {
        if (transaction.MaxFeePerGas < baseFee)
        {
            return UInt256.Zero;
        }

        var headroom = transaction.MaxFeePerGas - baseFee;
        var tip = transaction.MaxPriorityFeePerGas;
        return tip < headroom ? tip : headroom;
    }

    private static ulong GasUsed(IReadOnlyList<Receipt> receipts, int index) =>
        receipts[index].CumulativeGasUsed - (index == 0 ? 0 : receipts[index - 1].CumulativeGasUsed);

    private static ulong ParseBlockCount(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetUInt64(out var number):
                return number;
            case JsonValueKind.String:
                var text = Encoding.UTF8.GetBytes(value.GetString()!);
                var error = JsonHex.TryParseUInt64(text, out var quantity);
                return error is null ? quantity : throw RpcException.InvalidParams("blockCount", error);
            default:
                throw RpcException.InvalidParams("blockCount", "must be a hex quantity or a non-negative integer");
        }
    }

    private IReadOnlyList<double>? CheckPercentiles(IReadOnlyList<double>? percentiles)
    {
        if (percentiles is null)
        {
            return null;
        }

        if (percentiles.Count > _options.MaxRewardPercentiles)
        {
            throw RpcException.InvalidParams("rewardPercentiles", $"at most {_options.MaxRewardPercentiles} percentiles");
        }

        for (var i = 0; i < percentiles.Count; i++)
        {
            var p = percentiles[i];
            if (double.IsNaN(p) || p < 0 || p > 100 || (i > 0 && p < percentiles[i - 1]))
            {
                throw RpcException.InvalidParams("rewardPercentiles", "invalid reward percentile: each must lie in [0, 100] and none may be below the one before");
            }
        }

        return percentiles;
    }
}
