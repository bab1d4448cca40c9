using System.Globalization;

namespace Nectar.Benchmarks.VsAnvil;

/// <summary>The command line: workload sizes, run counts, and where anvil and the JSON summary are.</summary>
internal sealed class BenchmarkOptions
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        Nectar's EVM against anvil, in one run, on identical inputs with identical results.

        usage: Nectar.Benchmarks.VsAnvil [options]
          --anvil PATH            anvil executable (default: node_modules/.bin/anvil of the repository)
          --transfers N           ERC-20 transfers in the block (default 5000)
          --keccak-iterations N   KeccakLoop.run(N) (default 10000)
          --keccak-calls N        calls per measured run of the keccak workload (default 20)
          --compute-n N           Compute.run(N) (default 1700, about 10.9 M gas)
          --compute-calls N       calls per measured run of the compute workload (default 3)
          --warmup N              warm-up runs per workload, discarded (default 3)
          --runs N                measured runs per workload (default 7)
          --rtt-samples N         eth_chainId round trips measured (default 500)
          --json PATH             also write the JSON summary to PATH
          --profile WORKLOAD      run only Nectar's side of erc20-block, keccak-loop or compute, warm-up and
                                  measured runs back to back, for a profiler (no anvil, no comparison)
          --help                  this text
        """;

    /// <summary>The anvil executable, or null to look for the repository's.</summary>
    public string? AnvilPath { get; private set; }

    /// <summary>ERC-20 transfers in the block.</summary>
    public int Transfers { get; private set; } = 5_000;

    /// <summary>Iterations of KeccakLoop.run.</summary>
    public ulong KeccakIterations { get; private set; } = 10_000;

    /// <summary>Calls per measured run of the keccak workload.</summary>
    public int KeccakCalls { get; private set; } = 20;

    /// <summary>The n of Compute.run.</summary>
    public ulong ComputeN { get; private set; } = 1_700;

    /// <summary>Calls per measured run of the compute workload.</summary>
    public int ComputeCalls { get; private set; } = 3;

    /// <summary>Warm-up runs per workload.</summary>
    public int Warmup { get; private set; } = 3;

    /// <summary>Measured runs per workload.</summary>
    public int Runs { get; private set; } = 7;

    /// <summary>eth_chainId round trips measured.</summary>
    public int RoundTripSamples { get; private set; } = 500;

    /// <summary>Where to write the JSON summary, or null.</summary>
    public string? JsonPath { get; private set; }

    /// <summary>The workload to run on Nectar's side only, for a profiler, or null for the comparison.</summary>
    public string? ProfileWorkload { get; private set; }

    /// <summary>Whether only the usage was asked for.</summary>
    public bool ShowHelp { get; private set; }

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or is out of range.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                options.ShowHelp = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--anvil": options.AnvilPath = value; break;
                case "--transfers": options.Transfers = Positive(name, value); break;
                case "--keccak-iterations": options.KeccakIterations = (ulong)Positive(name, value); break;
                case "--keccak-calls": options.KeccakCalls = Positive(name, value); break;
                case "--compute-n": options.ComputeN = (ulong)Positive(name, value); break;
                case "--compute-calls": options.ComputeCalls = Positive(name, value); break;
                case "--warmup": options.Warmup = NonNegative(name, value); break;
                case "--runs": options.Runs = Positive(name, value); break;
                case "--rtt-samples": options.RoundTripSamples = Positive(name, value); break;
                case "--json": options.JsonPath = value; break;
                case "--profile": options.ProfileWorkload = value; break;
                default: throw new ArgumentException($"Unknown option {name}.");
            }
        }

        return options;
    }

    private static int Positive(string name, string value)
    {
        var number = NonNegative(name, value);
        return number > 0 ? number : throw new ArgumentException($"{name} must be at least 1.");
    }

    private static int NonNegative(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{name} takes a non-negative integer, not '{value}'.");
}
