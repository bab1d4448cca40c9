using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Nectar.Compliance.Devnet;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Crypto.Keys;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;
using Nectar.Node.Tests.Support;
using Xunit.Abstractions;

namespace Nectar.Node.Tests.Crash;

/// <summary>
/// The real <c>nectar devnet</c> binary under sustained load, killed with SIGKILL at a random point, restarted on the
/// same data directory, twice: a transaction whose receipt the node served is never lost, the node resumes at its last
/// block, accepts new transactions at the stored nonces, stops gracefully, and its chain re-executed from genesis
/// reaches the same state root.
/// </summary>
/// <remarks>
/// The kill points come from a seed printed with the test's output; <c>NECTAR_CRASH_SEED</c> sets it. Timing still
/// varies between runs (how far the load got when the kill lands), which is what a crash test is for.
/// </remarks>
public sealed class NodeCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 2;
    private const int MinAcknowledgedPerRound = 300;
    // Enough for the longest kill delay at several times this machine's rate (about 1,300 a second in all).
    private const int TransactionsPerSender = 2_500;

    // Each sender signs with its own key and sends with its own session; account 8 (the auditor) checks afterwards.
    private static readonly int[] SenderAccounts = [1, 2, 3, 4, 5, 6];
    private static readonly IReadOnlyList<DevKey> Keys = DevnetChainSpec.DeriveAccounts();
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Acknowledged_transactions_survive_kill_9_and_the_restarted_chain_replays_to_the_same_state_root()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("NECTAR_CRASH_SEED"), CultureInfo.InvariantCulture, out var fixedSeed) ? fixedSeed : Environment.TickCount;
        output.WriteLine($"seed {seed} (NECTAR_CRASH_SEED={seed} repeats the kill points)");
        var random = new Random(seed);
        var dataDirectory = Path.Combine(_directory.Path, "data");
        var infoFile = Path.Combine(_directory.Path, "info.json");
        var acknowledged = new List<AcknowledgedTransaction>();
        var total = Stopwatch.StartNew();

        var devnet = await DevnetProcess.StartAsync(dataDirectory, infoFile);
        JsonObject finalHead;
        try
        {
            output.WriteLine($"started in {devnet.StartupTime.TotalSeconds:F2} s");
            var counter = await DeployCounterAsync(devnet.Endpoint, acknowledged);
            for (var round = 1; round <= Rounds; round++)
            {
                if (round > 1)
                {
                    devnet = await RestartAsync(dataDirectory, infoFile, acknowledged, seed);
                }

                var killAfter = TimeSpan.FromMilliseconds(random.Next(1_000, 4_000));
                await LoadAndKillAsync(devnet, round, killAfter, counter, acknowledged, seed);
                devnet.Dispose();
            }

            devnet = await RestartAsync(dataDirectory, infoFile, acknowledged, seed);
            finalHead = await AcceptsNewTransactionAsync(devnet.Endpoint, acknowledged);

            // A graceful stop after the kills: SIGTERM, exit code 0, and the tokens' info file removed.
            await devnet.TerminateAsync();
            Assert.True(devnet.ExitCode == 0, $"nectar devnet exited with {devnet.ExitCode} after SIGTERM:\n{devnet.RecentOutput}");
            Assert.False(File.Exists(infoFile), "the info file outlived a graceful stop");
        }
        finally
        {
            devnet.Dispose();
        }

        var clock = Stopwatch.StartNew();
        var replay = ChainReplay.Run(dataDirectory);
        output.WriteLine($"replayed {replay.HeadNumber} blocks, {replay.Transactions} transactions from genesis in {clock.Elapsed.TotalSeconds:F2} s: state root {replay.ReplayedStateRoot}");
        Assert.Equal(Quantity(finalHead["number"]), replay.HeadNumber);
        Assert.Equal(Hash256.Parse(finalHead["hash"]!.GetValue<string>()), replay.HeadHash);
        Assert.Equal(Hash256.Parse(finalHead["stateRoot"]!.GetValue<string>()), replay.StoredStateRoot);
        Assert.Equal(replay.StoredStateRoot, replay.ReplayedStateRoot);
        output.WriteLine($"{acknowledged.Count} acknowledged transactions in {Rounds} kills, whole test {total.Elapsed.TotalSeconds:F1} s");
    }

    private static ulong Quantity(JsonNode? node) => ulong.Parse(node!.GetValue<string>().AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Sign(Transaction transaction, DevKey key)
    {
        using var secp256k1 = new LibSecp256k1();
        return Hex.ToHexString(TransactionCodec.Encode(new TransactionSigner(secp256k1).Sign(transaction, key.ExportPrivateKey())));
    }

    private static async Task<JsonObject> WaitForReceiptAsync(BatchRpcClient rpc, string hash) =>
        await RpcClient.PollAsync(async () => (await rpc.CallAsync("eth_getTransactionReceipt", [hash])) as JsonObject, TimeSpan.FromSeconds(30));

    private static AcknowledgedTransaction Acknowledge(JsonObject receipt, int account, ulong nonce, int round) => new(
        receipt["transactionHash"]!.GetValue<string>(),
        account,
        nonce,
        round,
        Quantity(receipt["blockNumber"]),
        receipt["blockHash"]!.GetValue<string>(),
        receipt["status"]!.GetValue<string>(),
        receipt["gasUsed"]!.GetValue<string>());

    /// <summary>Account 1 deploys the counter at its nonce 0, before the load, so every counter call finds code.</summary>
    private static async Task<Address> DeployCounterAsync(DevnetEndpoint node, List<AcknowledgedTransaction> acknowledged)
    {
        var deployer = Keys[SenderAccounts[0]];
        using var rpc = new BatchRpcClient(node.RpcUrl, node.Tokens[deployer.Index]);
        var raw = Sign(
            new Transaction
            {
                Type = TransactionType.DynamicFee,
                ChainId = new UInt256(node.ChainId),
                Nonce = 0,
                MaxFeePerGas = new UInt256(10_000_000_000),
                MaxPriorityFeePerGas = new UInt256(1_000_000_000),
                GasLimit = CounterContract.DeployGas,
                Data = CounterContract.CreationCode,
            },
            deployer);
        var hash = (await rpc.CallAsync("eth_sendRawTransaction", [raw]))!.GetValue<string>();
        var receipt = await WaitForReceiptAsync(rpc, hash);
        Assert.Equal("0x1", receipt["status"]!.GetValue<string>());
        var counter = Address.Create(deployer.Address, 0);
        Assert.Equal(counter, Address.Parse(receipt["contractAddress"]!.GetValue<string>()));
        acknowledged.Add(Acknowledge(receipt, deployer.Index, 0, 0));
        return counter;
    }

    /// <summary>The next nonce of an account as the node's stored state has it, read with the account's own token.</summary>
    private static async Task<ulong> NextNonceAsync(DevnetEndpoint node, DevKey key)
    {
        using var rpc = new BatchRpcClient(node.RpcUrl, node.Tokens[key.Index]);
        return Quantity(await rpc.CallAsync("eth_getTransactionCount", [key.Address.ToString(), "latest"]));
    }

    private static async Task<DevnetProcess> StartAfterKillAsync(string dataDirectory, string infoFile)
    {
        // The killed devnet could not remove its info file; starting again must not be fooled by it.
        Assert.True(File.Exists(infoFile), "a killed devnet cannot have removed its info file");
        return await DevnetProcess.StartAsync(dataDirectory, infoFile);
    }

    /// <summary>
    /// Restarts on the same data directory (so the kill left no RocksDB lock behind) and checks, as the auditor, that
    /// the head is at or above every acknowledged block and that every acknowledged receipt is there unchanged.
    /// </summary>
    private async Task<DevnetProcess> RestartAsync(string dataDirectory, string infoFile, List<AcknowledgedTransaction> acknowledged, int seed)
    {
        var devnet = await StartAfterKillAsync(dataDirectory, infoFile);
        try
        {
            using var auditor = new BatchRpcClient(devnet.Endpoint.RpcUrl, devnet.Endpoint.Tokens[DevnetEndpoint.Auditor]);
            var head = (await auditor.CallAsync("eth_getBlockByNumber", ["latest", false]))!.AsObject();
            var headNumber = Quantity(head["number"]);
            var highest = acknowledged.Max(a => a.BlockNumber);
            output.WriteLine($"restarted in {devnet.StartupTime.TotalSeconds:F2} s at head {headNumber} (highest acknowledged block {highest})");
            Assert.True(headNumber >= highest, $"the node restarted at block {headNumber}, below acknowledged block {highest} (seed {seed})");

            foreach (var chunk in acknowledged.Chunk(500))
            {
                var receipts = await auditor.CallBatchAsync("eth_getTransactionReceipt", [.. chunk.Select(a => new JsonArray(a.Hash))]);
                for (var i = 0; i < chunk.Length; i++)
                {
                    var expected = chunk[i];
                    var what = $"transaction {expected.Hash} (account {expected.Account}, nonce {expected.Nonce}, round {expected.Round}, block {expected.BlockNumber}; seed {seed})";
                    Assert.True(receipts[i] is JsonObject, $"{what} was acknowledged and is lost after the kill");
                    var receipt = (JsonObject)receipts[i]!;
                    Assert.Equal(expected.BlockHash, receipt["blockHash"]!.GetValue<string>());
                    Assert.Equal(expected.BlockNumber, Quantity(receipt["blockNumber"]));
                    Assert.Equal(expected.Status, receipt["status"]!.GetValue<string>());
                    Assert.Equal(expected.GasUsed, receipt["gasUsed"]!.GetValue<string>());
                }
            }

            return devnet;
        }
        catch
        {
            devnet.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Several senders load the node at once from the nonces the stored state gives; after the seeded delay, and once
    /// enough receipts were served, the process is killed with SIGKILL while the load still runs.
    /// </summary>
    private async Task LoadAndKillAsync(DevnetProcess devnet, int round, TimeSpan killAfter, Address counter, List<AcknowledgedTransaction> acknowledged, int seed)
    {
        var node = devnet.Endpoint;
        var signing = Stopwatch.StartNew();
        var senders = await Task.WhenAll(SenderAccounts.Select(async account =>
        {
            var key = Keys[account];
            var nonce = await NextNonceAsync(node, key);
            var previous = acknowledged.Where(a => a.Account == account).Select(a => (ulong?)a.Nonce).Max();
            Assert.True(previous is null || nonce > previous, $"account {account}'s stored nonce {nonce} is not past its acknowledged nonce {previous}");
            return new LoadSender(account, node.Tokens[account], await Task.Run(() => TransactionLoad.Sign(key, node.ChainId, nonce, TransactionsPerSender, counter, round)));
        }));

        output.WriteLine($"round {round}: signed {senders.Length} x {TransactionsPerSender} transactions in {signing.Elapsed.TotalSeconds:F2} s");
        var load = new TransactionLoad(node, round);
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var running = load.RunAsync(senders, stop.Token);
        while (clock.Elapsed < killAfter || load.AcknowledgedCount < MinAcknowledgedPerRound)
        {
            Assert.True(load.Failures.Count == 0, string.Join('\n', load.Failures));
            Assert.True(load.FinishedSenders == 0, $"a sender ran out of transactions before the kill: sign more than {TransactionsPerSender} per sender");
            Assert.True(clock.Elapsed < Bound, $"only {load.AcknowledgedCount} acknowledged after {Bound.TotalSeconds} s");
            await Task.Delay(5);
        }

        load.MarkNodeGone();
        var killedAt = clock.Elapsed;
        await devnet.KillAsync();
        Assert.Equal(128 + 9, devnet.ExitCode);
        await stop.CancelAsync();
        await running.WaitAsync(Bound);
        Assert.True(load.Failures.Count == 0, string.Join('\n', load.Failures));

        var roundAcknowledged = load.Acknowledged.ToList();
        acknowledged.AddRange(roundAcknowledged);
        output.WriteLine(
            $"round {round}: killed {killedAt.TotalSeconds:F2} s into the load (seeded delay {killAfter.TotalSeconds:F2} s): " +
            $"{load.Sent} accepted, {roundAcknowledged.Count} acknowledged, highest acknowledged block {roundAcknowledged.Max(a => a.BlockNumber)} (seed {seed})");
    }

    /// <summary>The restarted node takes a transaction at the stored nonce and serves its receipt; returns the head after it.</summary>
    private async Task<JsonObject> AcceptsNewTransactionAsync(DevnetEndpoint node, List<AcknowledgedTransaction> acknowledged)
    {
        var key = Keys[SenderAccounts[^1]];
        var nonce = await NextNonceAsync(node, key);
        using var rpc = new BatchRpcClient(node.RpcUrl, node.Tokens[key.Index]);
        var raw = Sign(
            new Transaction
            {
                Type = TransactionType.DynamicFee,
                ChainId = new UInt256(node.ChainId),
                Nonce = nonce,
                MaxFeePerGas = new UInt256(10_000_000_000),
                MaxPriorityFeePerGas = new UInt256(1_000_000_000),
                GasLimit = 21_000,
                To = Keys[SenderAccounts[0]].Address,
                Value = new UInt256(1),
            },
            key);
        var hash = (await rpc.CallAsync("eth_sendRawTransaction", [raw]))!.GetValue<string>();
        var receipt = await WaitForReceiptAsync(rpc, hash);
        Assert.Equal("0x1", receipt["status"]!.GetValue<string>());
        acknowledged.Add(Acknowledge(receipt, key.Index, nonce, Rounds + 1));

        using var auditor = new BatchRpcClient(node.RpcUrl, node.Tokens[DevnetEndpoint.Auditor]);
        var head = (await auditor.CallAsync("eth_getBlockByNumber", ["latest", false]))!.AsObject();
        Assert.True(Quantity(head["number"]) >= Quantity(receipt["blockNumber"]));
        output.WriteLine($"the restarted node took nonce {nonce} of account {key.Index} in block {Quantity(receipt["blockNumber"])}");
        return head;
    }
}
