using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Crypto.Keys;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;

namespace Nectar.Node.Tests.Crash;

/// <summary>
/// Sustained load on a node over HTTP, as wallets produce it: each sender submits its signed transactions in nonce order
/// with its own session's token, keeping a bounded number unconfirmed (under the pool's per-sender limit), while a poller
/// per sender asks for the receipts of every unconfirmed one in a batch. A transaction counts as acknowledged once its
/// receipt was served; the receipt's block, status and gas are kept to compare after a crash.
/// </summary>
internal sealed class TransactionLoad(DevnetEndpoint node, int round)
{
    /// <summary>Unconfirmed transactions per sender; the pool keeps at most 64 per sender.</summary>
    private const int InFlightPerSender = 32;

    private readonly ConcurrentQueue<AcknowledgedTransaction> _acknowledged = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private volatile bool _nodeGone;
    private int _sent;
    private int _finishedSenders;

    public int AcknowledgedCount => _acknowledged.Count;

    public IReadOnlyCollection<AcknowledgedTransaction> Acknowledged => _acknowledged;

    /// <summary>Transactions the node accepted into its pool.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Senders that submitted every transaction they had (the load was no longer sustained for them).</summary>
    public int FinishedSenders => Volatile.Read(ref _finishedSenders);

    /// <summary>What went wrong while the node was alive: every entry fails the test.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>
    /// Signs <paramref name="count"/> transactions from <paramref name="firstNonce"/> on: three ether transfers to fresh
    /// accounts (so the account trie grows) for every counter call (so storage changes).
    /// </summary>
    public static IReadOnlyList<SignedTransaction> Sign(DevKey key, ulong chainId, ulong firstNonce, int count, Address counter, int round)
    {
        using var secp256k1 = new LibSecp256k1();
        var signer = new TransactionSigner(secp256k1);
        var privateKey = key.ExportPrivateKey();
        var signed = new SignedTransaction[count];
        for (var i = 0; i < count; i++)
        {
            var nonce = firstNonce + (ulong)i;
            var call = i % 4 == 3;
            var transaction = new Transaction
            {
                Type = TransactionType.DynamicFee,
                ChainId = new UInt256(chainId),
                Nonce = nonce,
                MaxFeePerGas = new UInt256(10_000_000_000),
                MaxPriorityFeePerGas = new UInt256(1_000_000_000),
                GasLimit = call ? CounterContract.CallGas : 21_000,
                To = call ? counter : FreshRecipient(round, key.Index, nonce),
                Value = call ? UInt256.Zero : new UInt256(1_000 + nonce),
            };
            var result = signer.Sign(transaction, privateKey);
            signed[i] = new SignedTransaction(result.Hash.ToString(), Hex.ToHexString(TransactionCodec.Encode(result)), nonce);
        }

        return signed;
    }

    /// <summary>Runs every sender until it has submitted and seen acknowledged all its transactions, the node is gone, or <paramref name="cancellationToken"/>.</summary>
    public Task RunAsync(IReadOnlyList<LoadSender> senders, CancellationToken cancellationToken) =>
        Task.WhenAll(senders.Select(sender => Task.Run(() => RunSenderAsync(sender, cancellationToken), CancellationToken.None)));

    /// <summary>Called just before the node is killed: transport errors from then on are the kill's, not failures.</summary>
    public void MarkNodeGone() => _nodeGone = true;

    private static Address FreshRecipient(int round, int account, ulong nonce)
    {
        Span<byte> bytes = stackalloc byte[20];
        bytes[0] = 0xC5;
        bytes[1] = (byte)round;
        bytes[2] = (byte)account;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[12..], nonce);
        return new Address(bytes);
    }

    private static ulong Quantity(JsonNode? node) => ulong.Parse(node!.GetValue<string>().AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private async Task RunSenderAsync(LoadSender sender, CancellationToken cancellationToken)
    {
        using var rpc = new BatchRpcClient(node.RpcUrl, sender.Token);
        using var slots = new SemaphoreSlim(InFlightPerSender);
        var submitted = new ConcurrentQueue<SignedTransaction>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Task.WhenAll(
            Guard(() => SubmitAsync(sender, rpc, slots, submitted, done, cancellationToken)),
            Guard(() => PollAsync(sender, rpc, slots, submitted, done.Task, cancellationToken)));
    }

    private async Task SubmitAsync(LoadSender sender, BatchRpcClient rpc, SemaphoreSlim slots, ConcurrentQueue<SignedTransaction> submitted, TaskCompletionSource done, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var transaction in sender.Transactions)
            {
                await slots.WaitAsync(cancellationToken);
                var hash = (await rpc.CallAsync("eth_sendRawTransaction", [transaction.Raw], cancellationToken))!.GetValue<string>();
                if (!string.Equals(hash, transaction.Hash, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"account {sender.Account} nonce {transaction.Nonce}: the node answered hash {hash}, expected {transaction.Hash}");
                }

                submitted.Enqueue(transaction);
                Interlocked.Increment(ref _sent);
            }

            Interlocked.Increment(ref _finishedSenders);
        }
        finally
        {
            done.TrySetResult();
        }
    }

    private async Task PollAsync(LoadSender sender, BatchRpcClient rpc, SemaphoreSlim slots, ConcurrentQueue<SignedTransaction> submitted, Task submissionDone, CancellationToken cancellationToken)
    {
        var unconfirmed = new List<SignedTransaction>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var finished = submissionDone.IsCompleted;
            while (submitted.TryDequeue(out var next))
            {
                unconfirmed.Add(next);
            }

            if (unconfirmed.Count == 0)
            {
                if (finished)
                {
                    return;
                }

                await Task.Delay(5, cancellationToken);
                continue;
            }

            var receipts = await rpc.CallBatchAsync("eth_getTransactionReceipt", [.. unconfirmed.Select(t => new JsonArray(t.Hash))], cancellationToken);
            var confirmed = 0;
            for (var i = unconfirmed.Count - 1; i >= 0; i--)
            {
                if (receipts[i] is not JsonObject receipt)
                {
                    continue;
                }

                var transaction = unconfirmed[i];
                _acknowledged.Enqueue(new AcknowledgedTransaction(
                    transaction.Hash,
                    sender.Account,
                    transaction.Nonce,
                    round,
                    Quantity(receipt["blockNumber"]),
                    receipt["blockHash"]!.GetValue<string>(),
                    receipt["status"]!.GetValue<string>(),
                    receipt["gasUsed"]!.GetValue<string>()));
                unconfirmed.RemoveAt(i);
                confirmed++;
            }

            if (confirmed > 0)
            {
                slots.Release(confirmed);
            }
            else
            {
                // Nothing new yet: the next block is at most one collection window away.
                await Task.Delay(5, cancellationToken);
            }
        }
    }

    /// <summary>Records a failure unless it is the kill's doing (a refused or cut connection after <see cref="MarkNodeGone"/>) or the stop's.</summary>
    private async Task Guard(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException) when (_nodeGone)
        {
        }
        catch (Exception e) when (_nodeGone && e is HttpRequestException or IOException or JsonException)
        {
        }
        catch (Exception e)
        {
            _failures.Enqueue(e.ToString());
        }
    }
}
