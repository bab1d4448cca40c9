using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.VsAnvil.Anvil;

/// <summary>
/// The anvil side of the comparison, over JSON-RPC: return to genesis (evm_snapshot / evm_revert), fill the pool
/// with pre-signed transactions, mine one block on demand and time it, read the block back, and run calls.
/// </summary>
internal sealed class AnvilChain
{
    /// <summary>Transactions per eth_sendRawTransaction batch: well under anvil's 2 MB request limit.</summary>
    private const int SendBatchSize = 500;

    private readonly JsonRpcClient _rpc;
    private string? _genesisSnapshot;

    /// <summary>Creates the side over a running node.</summary>
    /// <param name="rpc">The node's client.</param>
    public AnvilChain(JsonRpcClient rpc) => _rpc = rpc;

    /// <summary>The client.</summary>
    public JsonRpcClient Rpc => _rpc;

    /// <summary>
    /// Returns the node to the genesis state with an empty pool: the first call marks genesis with evm_snapshot;
    /// later calls revert to it (anvil drops a snapshot it reverts to, so a new one is taken each time).
    /// </summary>
    public void ResetToGenesis()
    {
        if (_genesisSnapshot is not null)
        {
            var reverted = _rpc.Call("evm_revert", w => w.WriteStringValue(_genesisSnapshot));
            if (!reverted.GetBoolean())
            {
                throw new InvalidOperationException("anvil refused to revert to the genesis snapshot.");
            }
        }

        var number = Quantity(_rpc.Call("eth_blockNumber"));
        if (number != 0)
        {
            throw new InvalidOperationException($"anvil is at block {number} after returning to genesis.");
        }

        _genesisSnapshot = _rpc.Call("evm_snapshot").GetString();
        var pending = PendingCount();
        if (pending != 0)
        {
            throw new InvalidOperationException($"anvil's pool still holds {pending} transactions at genesis.");
        }
    }

    /// <summary>Submits pre-signed transactions in batches and checks that every one is pending.</summary>
    /// <param name="encoded">The canonical encodings, in nonce order.</param>
    public void Submit(IReadOnlyList<byte[]> encoded)
    {
        for (var start = 0; start < encoded.Count; start += SendBatchSize)
        {
            var count = Math.Min(SendBatchSize, encoded.Count - start);
            var offset = start;
            _rpc.Batch("eth_sendRawTransaction", count, (w, i) => w.WriteStringValue(Hex.ToHexString(encoded[offset + i])));
        }

        var pending = PendingCount();
        if (pending != encoded.Count)
        {
            throw new InvalidOperationException($"anvil holds {pending} pending transactions, not {encoded.Count}.");
        }
    }

    /// <summary>
    /// Fixes the next block's timestamp and base fee, then mines it with evm_mine and times the call. The base fee
    /// is set explicitly because anvil mines its first block at the genesis base fee rather than by EIP-1559, and
    /// evm_revert does not roll back the base fee its last mined block produced.
    /// </summary>
    /// <param name="timestamp">The block's timestamp.</param>
    /// <param name="baseFee">The block's base fee.</param>
    /// <returns>The wall-clock time of evm_mine, measured around the request.</returns>
    public TimeSpan MineTimed(ulong timestamp, UInt256 baseFee)
    {
        _rpc.Call("evm_setNextBlockTimestamp", w => w.WriteNumberValue(timestamp));
        _rpc.Call("anvil_setNextBlockBaseFeePerGas", w => w.WriteStringValue(baseFee.ToHexQuantity()));
        var request = _rpc.Prepare("evm_mine");
        var clock = Stopwatch.StartNew();
        _rpc.Send(request);
        clock.Stop();
        return clock.Elapsed;
    }

    /// <summary>Reads a block's header fields and transaction count.</summary>
    /// <param name="number">The block number.</param>
    /// <returns>The block.</returns>
    public AnvilBlock GetBlock(ulong number)
    {
        var block = _rpc.Call("eth_getBlockByNumber", w =>
        {
            w.WriteStringValue(new UInt256(number).ToHexQuantity());
            w.WriteBooleanValue(false);
        });
        if (block.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"anvil has no block {number}.");
        }

        return new AnvilBlock(
            Quantity(block.GetProperty("number")),
            Quantity(block.GetProperty("timestamp")),
            Address.Parse(block.GetProperty("miner").GetString()),
            Quantity(block.GetProperty("gasLimit")),
            Quantity(block.GetProperty("gasUsed")),
            UInt256.Parse(block.GetProperty("baseFeePerGas").GetString()!),
            Hash256.Parse(block.GetProperty("stateRoot").GetString()),
            Hash256.Parse(block.GetProperty("transactionsRoot").GetString()),
            Hash256.Parse(block.GetProperty("receiptsRoot").GetString()),
            block.GetProperty("logsBloom").GetString()!,
            block.GetProperty("transactions").GetArrayLength());
    }

    /// <summary>The gas a mined transaction used, from its receipt.</summary>
    /// <param name="hash">The transaction hash.</param>
    /// <returns>The gas used, and whether it succeeded.</returns>
    public (ulong GasUsed, bool Success) GetReceipt(Hash256 hash)
    {
        var receipt = _rpc.Call("eth_getTransactionReceipt", w => w.WriteStringValue(hash.ToString()));
        return (Quantity(receipt.GetProperty("gasUsed")), Quantity(receipt.GetProperty("status")) == 1);
    }

    /// <summary>Prepares an eth_call against the latest block, serialised once.</summary>
    /// <param name="from">The caller.</param>
    /// <param name="to">The contract.</param>
    /// <param name="data">The call data.</param>
    /// <param name="gas">The gas the call is given.</param>
    /// <returns>The request.</returns>
    public PreparedRequest PrepareCall(Address from, Address to, byte[] data, ulong gas) => _rpc.Prepare("eth_call", w =>
    {
        w.WriteStartObject();
        w.WriteString("from", from.ToString());
        w.WriteString("to", to.ToString());
        w.WriteString("gas", new UInt256(gas).ToHexQuantity());
        w.WriteString("input", Hex.ToHexString(data));
        w.WriteEndObject();
        w.WriteStringValue("latest");
    });

    /// <summary>Posts a prepared eth_call and decodes its return data.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The return data.</returns>
    public byte[] Call(PreparedRequest request) => Hex.Decode(_rpc.Send(request).GetString());

    private int PendingCount()
    {
        var status = _rpc.Call("txpool_status");
        return checked((int)(Quantity(status.GetProperty("pending")) + Quantity(status.GetProperty("queued"))));
    }

    private static ulong Quantity(JsonElement element)
    {
        var text = element.GetString() ?? throw new FormatException("A quantity is null.");
        return ulong.Parse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }
}
