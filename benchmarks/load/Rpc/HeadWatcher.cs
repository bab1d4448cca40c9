using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Nectar.Benchmarks.Load.Workload;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.Load.Rpc;

/// <summary>
/// Learns when each transfer's receipt becomes available: subscribes to <c>newHeads</c> over WebSocket, stamps each
/// head with its arrival time, fetches the block's transaction hashes (<c>eth_getBlockByNumber</c>, false; in
/// batches when heads come faster than single fetches) and records every hash in the ledger with that arrival time.
/// A receipt is available from the moment its block is announced, so the fetch itself is not part of any latency.
/// A block whose head was never announced (a skipped notification) takes the next announced head's time.
/// </summary>
internal sealed class HeadWatcher : IAsyncDisposable
{
    private const int MaxMessageBytes = 4 * 1024 * 1024;
    private const int MaxBlocksPerFetch = 100;
    private const int MaxKeptBlocks = 2_000_000;
    private const int MaxPendingBlocks = 1_000_000;

    private readonly ClientWebSocket _socket;
    private readonly JsonRpcHttpClient _http;
    private readonly string? _token;
    private readonly TransferLedger _ledger;
    private readonly Channel<(ulong Number, long At)> _heads = Channel.CreateBounded<(ulong, long)>(
        new BoundedChannelOptions(100_000) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stop = new();
    private readonly List<BlockAnnouncement> _blocks = [];
    private Task _receiving = Task.CompletedTask;
    private Task _fetching = Task.CompletedTask;
    private ulong _nextToFetch;
    private long _lastFetched = -1;
    private long _lastHeadAt = Stopwatch.GetTimestamp();
    private Exception? _fault;

    private HeadWatcher(ClientWebSocket socket, JsonRpcHttpClient http, string? token, TransferLedger ledger, ulong nextToFetch)
    {
        _socket = socket;
        _http = http;
        _token = token;
        _ledger = ledger;
        _nextToFetch = nextToFetch;
    }

    /// <summary>What stopped the watcher, or null while it works.</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>When the last head arrived (<see cref="Stopwatch"/> timestamp; the start until the first).</summary>
    public long LastHeadAt => Interlocked.Read(ref _lastHeadAt);

    /// <summary>The highest block fetched so far, or -1.</summary>
    public long LastFetchedBlock => Interlocked.Read(ref _lastFetched);

    /// <summary>Connects, subscribes and starts watching from the block after the current head.</summary>
    /// <param name="wsUrl">The WebSocket endpoint.</param>
    /// <param name="http">The HTTP client for block fetches.</param>
    /// <param name="token">The watcher's bearer token (on Nectar the auditor's, who sees every block body), or null.</param>
    /// <param name="ledger">Where inclusions are recorded.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The running watcher.</returns>
    public static async Task<HeadWatcher> StartAsync(Uri wsUrl, JsonRpcHttpClient http, string? token, TransferLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var socket = new ClientWebSocket();
        try
        {
            if (token is not null)
            {
                socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
            }

            await socket.ConnectAsync(wsUrl, cancellationToken).ConfigureAwait(false);
            var head = Quantity.ToUInt64(await http.CallAsync("eth_blockNumber", token, null, cancellationToken).ConfigureAwait(false));
            var watcher = new HeadWatcher(socket, http, token, ledger, head + 1);
            var subscribe = """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["newHeads"]}"""u8.ToArray();
            await socket.SendAsync(subscribe, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            watcher._receiving = Task.Run(watcher.ReceiveLoopAsync, CancellationToken.None);
            watcher._fetching = Task.Run(watcher.FetchLoopAsync, CancellationToken.None);
            return watcher;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The blocks fetched so far, in order.</summary>
    /// <returns>A copy.</returns>
    public BlockAnnouncement[] Blocks()
    {
        lock (_blocks)
        {
            return [.. _blocks];
        }
    }

    /// <summary>Waits until every block up to <paramref name="number"/> is fetched, within a bound.</summary>
    /// <param name="number">The block number.</param>
    /// <param name="timeout">The bound.</param>
    /// <returns>Whether the blocks were fetched in time.</returns>
    public async Task<bool> WaitForBlockAsync(ulong number, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (LastFetchedBlock < (long)number)
        {
            if (clock.Elapsed > timeout || Fault is not null)
            {
                return false;
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        return true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _heads.Writer.TryComplete();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The node may already have closed the connection.
        }

        _socket.Abort();
        await Task.WhenAll(_receiving, _fetching).ConfigureAwait(false);
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    if (buffer.WrittenCount > MaxMessageBytes)
                    {
                        throw new InvalidOperationException($"A WebSocket message exceeded {MaxMessageBytes} bytes.");
                    }

                    result = await _socket.ReceiveAsync(buffer.GetMemory(16 * 1024), _stop.Token).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                var arrivedAt = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException($"The node closed the newHeads connection ({_socket.CloseStatus}: {_socket.CloseStatusDescription}).");
                }

                if (ReadHead(buffer.WrittenSpan) is { } number)
                {
                    Interlocked.Exchange(ref _lastHeadAt, arrivedAt);
                    await _heads.Writer.WriteAsync((number, arrivedAt), _stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e) when (!_stop.IsCancellationRequested)
        {
            Volatile.Write(ref _fault, e);
        }
        finally
        {
            _heads.Writer.TryComplete();
        }
    }

    private static ulong GasUsed(JsonElement block) =>
        block.TryGetProperty("gasUsed", out var gas) ? Quantity.ToUInt64(gas) : 0;

    private static double BaseFeeGwei(JsonElement block) =>
        block.TryGetProperty("baseFeePerGas", out var fee) && fee.ValueKind == JsonValueKind.String
            ? (double)System.Numerics.BigInteger.Parse("0" + fee.GetString()![2..], System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture) / 1e9
            : 0;

    /// <summary>The block number of a newHeads notification; null for anything else (the subscription's confirmation).</summary>
    private static ulong? ReadHead(ReadOnlySpan<byte> message)
    {
        using var document = JsonDocument.Parse(message.ToArray());
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"eth_subscribe newHeads failed: {error.GetRawText()}");
        }

        return root.TryGetProperty("method", out var method) && method.ValueEquals("eth_subscription")
            && root.GetProperty("params").GetProperty("result").TryGetProperty("number", out var number)
            ? Quantity.ToUInt64(number)
            : null;
    }

    private async Task FetchLoopAsync()
    {
        var pending = new Queue<(ulong Number, long At)>();
        var wanted = new List<(ulong Number, long At)>(MaxBlocksPerFetch);
        try
        {
            while (await _heads.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                while (_heads.Reader.TryRead(out var head))
                {
                    if (head.Number >= _nextToFetch + MaxPendingBlocks)
                    {
                        throw new InvalidOperationException($"Head {head.Number} is more than {MaxPendingBlocks} blocks beyond the last fetched block.");
                    }

                    // Every block up to this head; those never announced take this head's time.
                    for (; _nextToFetch <= head.Number; _nextToFetch++)
                    {
                        pending.Enqueue((_nextToFetch, head.At));
                    }
                }

                while (pending.Count > 0)
                {
                    while (wanted.Count < MaxBlocksPerFetch && pending.TryDequeue(out var block))
                    {
                        wanted.Add(block);
                    }

                    await FetchAsync(wanted).ConfigureAwait(false);
                    wanted.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e) when (!_stop.IsCancellationRequested)
        {
            Volatile.Write(ref _fault, e);
        }
    }

    private async Task FetchAsync(List<(ulong Number, long At)> wanted)
    {
        var outcomes = await _http.BatchAsync(
            "eth_getBlockByNumber",
            _token,
            wanted.Count,
            (w, i) =>
            {
                w.WriteStringValue(Quantity.Format(wanted[i].Number));
                w.WriteBooleanValue(false);
            },
            _stop.Token).ConfigureAwait(false);
        Span<byte> hash = stackalloc byte[Hash256.Length];
        for (var i = 0; i < wanted.Count; i++)
        {
            var outcome = outcomes[i];
            if (!outcome.Succeeded || outcome.Result.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException(
                    $"eth_getBlockByNumber {wanted[i].Number} answered {(outcome.Succeeded ? "null" : $"{outcome.ErrorCode}: {outcome.ErrorMessage}")}.");
            }

            var transactions = outcome.Result.GetProperty("transactions");
            var count = 0;
            foreach (var transaction in transactions.EnumerateArray())
            {
                var text = transaction.ValueKind == JsonValueKind.String ? transaction.GetString()! : transaction.GetProperty("hash").GetString()!;
                if (Hex.TryDecode(text, hash, out var written) != HexError.None || written != Hash256.Length)
                {
                    throw new InvalidOperationException($"Block {wanted[i].Number} lists a malformed transaction hash: {text}");
                }

                _ledger.RecordInclusion(new Hash256(hash), wanted[i].Number, wanted[i].At);
                count++;
            }

            lock (_blocks)
            {
                if (_blocks.Count < MaxKeptBlocks)
                {
                    _blocks.Add(new BlockAnnouncement(wanted[i].Number, wanted[i].At, count, GasUsed(outcome.Result), BaseFeeGwei(outcome.Result)));
                }
            }

            Interlocked.Exchange(ref _lastFetched, (long)wanted[i].Number);
        }
    }
}
