using System.Globalization;
using Nectar.Benchmarks.Load.Targets;

namespace Nectar.Benchmarks.Load;

/// <summary>The command line: targets, workload size, the two phases, and where the nodes and the summary are.</summary>
internal sealed class LoadOptions
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        Nectar and anvil under sustained ERC-20 transfer load, in one run, on the same workload.

        usage: Nectar.Benchmarks.Load [options]
          --targets LIST          nectar,anvil (default), nectar, or anvil; run in this order
          --senders N             sending accounts (default 200)
          --in-flight K           phase A: transfers per sender sent but not yet in a block (default 32; Nectar's
                                  pool keeps at most 64 per sender)
          --batch N               phase A: transfers per request; 1 sends single eth_sendRawTransaction
                                  requests, more sends JSON-RPC batches of one sender's next nonces (default 1)
          --connections N         HTTP/1.1 keep-alive connections in the pool (default 64)
          --throughput-seconds S  phase A window (default 60)
          --presign-rate R        transfers per second phase A is signed for before it starts; if a node is faster,
                                  the senders run dry and the report says so (default 8000)
          --latency-rate R        phase B offered load, transfers per second, open loop (default 1000)
          --latency-seconds S     phase B duration (default 30)
          --throughput-first      run phase A before phase B (default: B first, on a node without the
                                  hundred thousand transfers of phase A behind it)
          --drain-seconds S       bound on waiting for sent transfers after each phase (default 30)
          --receipt-samples N     receipts checked for status 1 after each phase (default 100)
          --seed N                seed of sender keys and recipients (default 1)
          --max-fee-gwei G        fee cap of every transaction (default 1000: full blocks raise the base fee by
                                  12.5 % each, and the cap must outlast the run)
          --priority-fee-gwei G   priority fee of every transaction (default 1)
          --chain-id N            anvil's chain id when Nectar does not run (default 632827, the devnet's); otherwise Nectar's
          --gas-limit G           anvil's block gas limit (default 150000000, the devnet's)
          --anvil PATH            anvil executable (default: node_modules/.bin/anvil of the repository)
          --anvil-block-time S    run anvil with interval mining instead of its default automine
          --anvil-arg ARG         one more anvil argument (repeatable), e.g. --anvil-arg --quiet
          --anvil-stall-ms MS     automine only: with transfers in flight and none included for MS, mine a block
                                  with evm_mine (anvil 1.7.1 misses ready transactions; counted in the report)
                                  (default 250)
          --nectar PATH           the nectar command (default: ./nectar of the repository, which builds it)
          --nectar-arg ARG        one more `nectar devnet` argument (repeatable), e.g. --nectar-arg --window=20
          --start-timeout S       bound on a node's start, build included (default 600)
          --node-logs DIR         write each node's output to DIR/<name>.log
          --json PATH             also write the JSON summary to PATH
          --help                  this text
        """;

    /// <summary>The targets, in run order.</summary>
    public IReadOnlyList<TargetKind> Targets { get; private set; } = [TargetKind.Nectar, TargetKind.Anvil];

    /// <summary>Sending accounts.</summary>
    public int Senders { get; private set; } = 200;

    /// <summary>Phase A: transfers per sender in flight.</summary>
    public int InFlight { get; private set; } = 32;

    /// <summary>Phase A: transfers per request.</summary>
    public int Batch { get; private set; } = 1;

    /// <summary>HTTP connections.</summary>
    public int Connections { get; private set; } = 64;

    /// <summary>Phase A window.</summary>
    public TimeSpan ThroughputDuration { get; private set; } = TimeSpan.FromSeconds(60);

    /// <summary>The rate phase A is signed for.</summary>
    public int PresignRate { get; private set; } = 8_000;

    /// <summary>Phase B offered rate.</summary>
    public int LatencyRate { get; private set; } = 1_000;

    /// <summary>Phase B duration.</summary>
    public TimeSpan LatencyDuration { get; private set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether phase B (latency) runs before phase A (throughput).</summary>
    public bool LatencyFirst { get; private set; } = true;

    /// <summary>Bound on waiting for sent transfers after a phase.</summary>
    public TimeSpan Drain { get; private set; } = TimeSpan.FromSeconds(30);

    /// <summary>Receipts checked per phase.</summary>
    public int ReceiptSamples { get; private set; } = 100;

    /// <summary>Seed of keys and recipients.</summary>
    public ulong Seed { get; private set; } = 1;

    /// <summary>Fee cap, in gwei.</summary>
    public ulong MaxFeeGwei { get; private set; } = 1_000;

    /// <summary>Priority fee, in gwei.</summary>
    public ulong PriorityFeeGwei { get; private set; } = 1;

    /// <summary>anvil's chain id when Nectar does not run.</summary>
    public ulong ChainId { get; private set; } = 632_827;

    /// <summary>anvil's block gas limit: the devnet's, so both chains fit the same transfers in a block.</summary>
    public ulong GasLimit { get; private set; } = 150_000_000;

    /// <summary>The anvil executable, or null for the repository's.</summary>
    public string? AnvilPath { get; private set; }

    /// <summary>Interval mining for anvil, or null for automine.</summary>
    public double? AnvilBlockTime { get; private set; }

    /// <summary>Further anvil arguments.</summary>
    public List<string> AnvilArguments { get; } = [];

    /// <summary>Further <c>nectar devnet</c> arguments.</summary>
    public List<string> NectarArguments { get; } = [];

    /// <summary>How long anvil may include nothing, with transfers in flight, before a block is mined for it.</summary>
    public TimeSpan AnvilStallThreshold { get; private set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The nectar command, or null for the repository's.</summary>
    public string? NectarPath { get; private set; }

    /// <summary>Bound on a node's start.</summary>
    public TimeSpan StartTimeout { get; private set; } = TimeSpan.FromSeconds(600);

    /// <summary>Where each node's output goes, or null.</summary>
    public string? NodeLogDirectory { get; private set; }

    /// <summary>Where to write the JSON summary, or null.</summary>
    public string? JsonPath { get; private set; }

    /// <summary>Whether only the usage was asked for.</summary>
    public bool ShowHelp { get; private set; }

    /// <summary>Transfers signed per sender: phase A at the presign rate, phase B at its rate, and a margin for resends.</summary>
    public int TransfersPerSender =>
        checked((int)Math.Ceiling(PresignRate * ThroughputDuration.TotalSeconds / Senders)
            + (int)Math.Ceiling(LatencyRate * LatencyDuration.TotalSeconds / Senders) + 16);

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or is out of range.</exception>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                options.ShowHelp = true;
                continue;
            }

            if (name == "--throughput-first")
            {
                options.LatencyFirst = false;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--targets": options.Targets = ParseTargets(value); break;
                case "--senders": options.Senders = Positive(name, value, 100_000); break;
                case "--in-flight": options.InFlight = Positive(name, value, 100_000); break;
                case "--batch": options.Batch = Positive(name, value, 1_000); break;
                case "--connections": options.Connections = Positive(name, value, 10_000); break;
                case "--throughput-seconds": options.ThroughputDuration = TimeSpan.FromSeconds(Positive(name, value, 86_400)); break;
                case "--presign-rate": options.PresignRate = Positive(name, value, 1_000_000); break;
                case "--latency-rate": options.LatencyRate = Positive(name, value, 1_000_000); break;
                case "--latency-seconds": options.LatencyDuration = TimeSpan.FromSeconds(Positive(name, value, 86_400)); break;
                case "--drain-seconds": options.Drain = TimeSpan.FromSeconds(Positive(name, value, 86_400)); break;
                case "--receipt-samples": options.ReceiptSamples = NonNegative(name, value, 100_000); break;
                case "--seed": options.Seed = (ulong)NonNegative(name, value, int.MaxValue); break;
                case "--max-fee-gwei": options.MaxFeeGwei = (ulong)Positive(name, value, 1_000_000); break;
                case "--priority-fee-gwei": options.PriorityFeeGwei = (ulong)NonNegative(name, value, 1_000_000); break;
                case "--chain-id": options.ChainId = (ulong)Positive(name, value, int.MaxValue); break;
                case "--gas-limit": options.GasLimit = (ulong)Positive(name, value, int.MaxValue); break;
                case "--anvil": options.AnvilPath = value; break;
                case "--anvil-block-time": options.AnvilBlockTime = PositiveReal(name, value); break;
                case "--anvil-arg": options.AnvilArguments.Add(value); break;
                case "--anvil-stall-ms": options.AnvilStallThreshold = TimeSpan.FromMilliseconds(Positive(name, value, 600_000)); break;
                case "--nectar": options.NectarPath = value; break;
                case "--nectar-arg": options.NectarArguments.Add(value); break;
                case "--start-timeout": options.StartTimeout = TimeSpan.FromSeconds(Positive(name, value, 86_400)); break;
                case "--node-logs": options.NodeLogDirectory = value; break;
                case "--json": options.JsonPath = value; break;
                default: throw new ArgumentException($"Unknown option {name}.");
            }
        }

        if (options.PriorityFeeGwei > options.MaxFeeGwei)
        {
            throw new ArgumentException("--priority-fee-gwei may not exceed --max-fee-gwei.");
        }

        _ = options.TransfersPerSender;
        return options;
    }

    private static List<TargetKind> ParseTargets(string value)
    {
        var targets = new List<TargetKind>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kind = part switch
            {
                "nectar" => TargetKind.Nectar,
                "anvil" => TargetKind.Anvil,
                _ => throw new ArgumentException($"--targets takes nectar and/or anvil, not '{part}'."),
            };
            if (targets.Contains(kind))
            {
                throw new ArgumentException($"--targets names {part} twice.");
            }

            targets.Add(kind);
        }

        return targets.Count > 0 ? targets : throw new ArgumentException("--targets names no target.");
    }

    private static int Positive(string name, string value, int max)
    {
        var number = NonNegative(name, value, max);
        return number > 0 ? number : throw new ArgumentException($"{name} must be at least 1.");
    }

    private static int NonNegative(string name, string value, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= max
            ? number
            : throw new ArgumentException($"{name} takes an integer from 0 to {max}, not '{value}'.");

    private static double PositiveReal(string name, string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number > 0 && double.IsFinite(number)
            ? number
            : throw new ArgumentException($"{name} takes a positive number of seconds, not '{value}'.");
}
