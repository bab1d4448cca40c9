using System.Diagnostics;
using System.Text.Json;
using Nectar.Benchmarks.Load.Rpc;
using Nectar.Benchmarks.Load.Targets;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Transactions;
using Nectar.Crypto.Signing;

namespace Nectar.Benchmarks.Load.Setup;

/// <summary>
/// Sends the setup's transactions from the admin account (account 0) in waves: each wave is one JSON-RPC batch of
/// consecutive nonces, small enough for a pool's per-sender limit and nonce gap (Nectar's pool keeps at most 64
/// transactions per sender), and is waited for, and every receipt checked for status 1, before the next.
/// </summary>
internal sealed class AdminSender
{
    /// <summary>Transactions per wave: under the 64 a Nectar pool keeps per sender.</summary>
    public const int WaveSize = 60;

    private static readonly TimeSpan WaveTimeout = TimeSpan.FromSeconds(120);

    private readonly JsonRpcHttpClient _rpc;
    private readonly TargetEndpoint _endpoint;
    private readonly TransactionSigner _signer;
    private readonly UInt256 _maxFee;
    private readonly UInt256 _priorityFee;

    /// <summary>Creates the sender.</summary>
    /// <param name="rpc">The node's client.</param>
    /// <param name="endpoint">The node (its admin account and chain id).</param>
    /// <param name="signer">The signer.</param>
    /// <param name="maxFee">The fee cap of every setup transaction.</param>
    /// <param name="priorityFee">The priority fee of every setup transaction.</param>
    public AdminSender(JsonRpcHttpClient rpc, TargetEndpoint endpoint, TransactionSigner signer, UInt256 maxFee, UInt256 priorityFee)
    {
        _rpc = rpc;
        _endpoint = endpoint;
        _signer = signer;
        _maxFee = maxFee;
        _priorityFee = priorityFee;
    }

    /// <summary>Sends calls in order, wave by wave, and returns their receipts.</summary>
    /// <param name="calls">The calls.</param>
    /// <param name="what">What they do, for messages.</param>
    /// <param name="cancellationToken">Cancels the setup.</param>
    /// <returns>The receipts, in call order.</returns>
    /// <exception cref="InvalidOperationException">A call was refused or failed, or a wave was not mined in time.</exception>
    public async Task<JsonElement[]> SendAsync(IReadOnlyList<AdminCall> calls, string what, CancellationToken cancellationToken)
    {
        var admin = _endpoint.Admin;
        var receipts = new JsonElement[calls.Count];
        var nonce = await NonceAsync("pending", cancellationToken).ConfigureAwait(false);
        for (var start = 0; start < calls.Count; start += WaveSize)
        {
            var count = Math.Min(WaveSize, calls.Count - start);
            var raw = new string[count];
            var hashes = new string[count];
            for (var i = 0; i < count; i++)
            {
                var call = calls[start + i];
                var signed = _signer.Sign(
                    new Transaction
                    {
                        Type = TransactionType.DynamicFee,
                        ChainId = new UInt256(_endpoint.ChainId),
                        Nonce = nonce + (ulong)i,
                        MaxPriorityFeePerGas = _priorityFee,
                        MaxFeePerGas = _maxFee,
                        GasLimit = call.GasLimit,
                        To = call.To,
                        Value = call.Value,
                        Data = call.Data,
                    },
                    admin.PrivateKey);
                raw[i] = Hex.ToHexString(TransactionCodec.Encode(signed));
                hashes[i] = signed.Hash.ToString();
            }

            var sent = await _rpc.BatchAsync("eth_sendRawTransaction", admin.Token, count, (w, i) => w.WriteStringValue(raw[i]), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                if (!sent[i].Succeeded)
                {
                    throw new InvalidOperationException($"{what}: transaction {start + i} (nonce {nonce + (ulong)i}) was refused: {sent[i].ErrorCode} {sent[i].ErrorMessage}");
                }
            }

            nonce += (ulong)count;
            await WaitForNonceAsync(nonce, what, cancellationToken).ConfigureAwait(false);
            var wave = await ReceiptsAsync(hashes, what, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                if (Quantity.ToUInt64(wave[i].GetProperty("status")) != 1)
                {
                    throw new InvalidOperationException($"{what}: transaction {start + i} ({hashes[i]}) failed: {wave[i].GetRawText()}");
                }

                receipts[start + i] = wave[i];
            }
        }

        return receipts;
    }

    /// <summary>The admin's nonce at a block tag.</summary>
    /// <param name="tag">latest or pending.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The nonce.</returns>
    public async Task<ulong> NonceAsync(string tag, CancellationToken cancellationToken) =>
        Quantity.ToUInt64(await _rpc.CallAsync(
            "eth_getTransactionCount",
            _endpoint.Admin.Token,
            w =>
            {
                w.WriteStringValue(_endpoint.Admin.Address.ToString());
                w.WriteStringValue(tag);
            },
            cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The receipts of mined transactions. A node may count a nonce as used a moment before it serves the receipt
    /// (anvil in interval mining does), so missing receipts are asked for again, within the bound.
    /// </summary>
    private async Task<JsonElement[]> ReceiptsAsync(string[] hashes, string what, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var outcomes = await _rpc.BatchAsync(
                "eth_getTransactionReceipt", _endpoint.Admin.Token, hashes.Length, (w, i) => w.WriteStringValue(hashes[i]), cancellationToken).ConfigureAwait(false);
            var missing = Array.FindIndex(outcomes, o => !o.Succeeded || o.Result.ValueKind != JsonValueKind.Object);
            if (missing < 0)
            {
                return Array.ConvertAll(outcomes, o => o.Result);
            }

            if (clock.Elapsed > WaveTimeout)
            {
                var outcome = outcomes[missing];
                throw new InvalidOperationException($"{what}: no receipt for {hashes[missing]}: {outcome.ErrorCode} {outcome.ErrorMessage}");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitForNonceAsync(ulong target, string what, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (await NonceAsync("latest", cancellationToken).ConfigureAwait(false) < target)
        {
            if (clock.Elapsed > WaveTimeout)
            {
                throw new InvalidOperationException($"{what}: the admin's transactions up to nonce {target - 1} were not mined within {WaveTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }
}
