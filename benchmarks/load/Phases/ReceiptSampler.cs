using System.Text.Json;
using Nectar.Benchmarks.Load.Measurement;
using Nectar.Benchmarks.Load.Rpc;
using Nectar.Benchmarks.Load.Setup;

namespace Nectar.Benchmarks.Load.Phases;

/// <summary>
/// Checks a sample of a phase's included transfers, after the phase: each receipt must exist, have status 1 and
/// lie in the block the watcher attributed the transfer to. Fetched with the watcher's session (the auditor's on
/// Nectar), in one batch.
/// </summary>
internal static class ReceiptSampler
{
    /// <summary>Checks up to <paramref name="samples"/> included transfers of a phase, spread evenly over them.</summary>
    /// <param name="target">The node.</param>
    /// <param name="phase">The phase (1 or 2).</param>
    /// <param name="samples">How many receipts at most.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The result.</returns>
    public static async Task<ReceiptCheck> CheckAsync(PreparedTarget target, byte phase, int samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var ledger = target.Ledger;
        var included = new List<int>();
        for (var i = 0; i < ledger.Set.Count; i++)
        {
            if (ledger.PhaseOf(i) == phase && ledger.IncludedAt(i) != 0)
            {
                included.Add(i);
            }
        }

        if (included.Count == 0 || samples == 0)
        {
            return new ReceiptCheck(0, 0, null);
        }

        var count = Math.Min(samples, included.Count);
        var chosen = new int[count];
        for (var k = 0; k < count; k++)
        {
            chosen[k] = included[(int)((long)k * included.Count / count)];
        }

        var outcomes = await target.Rpc.BatchAsync(
            "eth_getTransactionReceipt",
            target.Endpoint.Watcher.Token,
            count,
            (w, k) => w.WriteStringValue(ledger.Set.HashOf(chosen[k]).ToString()),
            cancellationToken).ConfigureAwait(false);
        var good = 0;
        string? problem = null;
        for (var k = 0; k < count; k++)
        {
            var hash = ledger.Set.HashOf(chosen[k]);
            var outcome = outcomes[k];
            string? wrong;
            if (!outcome.Succeeded)
            {
                wrong = $"{hash}: {outcome.ErrorCode} {outcome.ErrorMessage}";
            }
            else if (outcome.Result.ValueKind != JsonValueKind.Object)
            {
                wrong = $"{hash}: no receipt";
            }
            else if (Quantity.ToUInt64(outcome.Result.GetProperty("status")) != 1)
            {
                wrong = $"{hash}: status {outcome.Result.GetProperty("status")}";
            }
            else if (Quantity.ToUInt64(outcome.Result.GetProperty("blockNumber")) != ledger.BlockOf(chosen[k]))
            {
                wrong = $"{hash}: in block {outcome.Result.GetProperty("blockNumber")}, announced in {ledger.BlockOf(chosen[k])}";
            }
            else
            {
                good++;
                continue;
            }

            problem ??= wrong;
        }

        return new ReceiptCheck(count, good, problem);
    }
}
