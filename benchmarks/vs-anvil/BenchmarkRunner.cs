using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Nectar.Benchmarks.Shared;
using Nectar.Benchmarks.VsAnvil.Anvil;
using Nectar.Benchmarks.VsAnvil.InProcess;
using Nectar.Benchmarks.VsAnvil.Reporting;
using Nectar.Benchmarks.VsAnvil.Scenario;
using Nectar.Core.Numerics;
using Nectar.Crypto.Secp256k1;

namespace Nectar.Benchmarks.VsAnvil;

/// <summary>
/// Runs the comparison: writes the shared genesis, starts anvil on it, checks that both genesis states are equal,
/// then measures each workload on both sides (warm-up runs discarded, runs interleaved so that a change in the
/// machine's load hits both), checking the results equal on every run, and reports.
/// </summary>
internal sealed partial class BenchmarkRunner : IDisposable
{
    private readonly BenchmarkOptions _options;
    private readonly TextWriter _log;
    private readonly LibSecp256k1 _secp256k1 = new();
    private readonly BenchmarkScenario _scenario;
    private readonly NectarChain _nectar;
    private readonly DirectoryInfo _workDirectory;
    private readonly UInt256 _blockBaseFee;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">The options.</param>
    /// <param name="log">Where progress goes (the report goes to the console's output).</param>
    public BenchmarkRunner(BenchmarkOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
        _scenario = new BenchmarkScenario(_secp256k1);
        _nectar = new NectarChain(_secp256k1, _scenario);
        _blockBaseFee = NectarChain.NextBaseFee(_nectar.CreateGenesis().Genesis);
        _workDirectory = Directory.CreateTempSubdirectory("nectar-vs-anvil-");
        AppDomain.CurrentDomain.ProcessExit += DeleteWorkDirectory;
    }

    /// <summary>Runs every workload and returns the report; throws when the two nodes disagree.</summary>
    /// <returns>The report.</returns>
    public BenchmarkReport Run()
    {
        var loadBefore = LoadAverage.Read();
        var anvilPath = _options.AnvilPath ?? FindRepositoryAnvil();
        var genesisPath = Path.Combine(_workDirectory.FullName, "genesis.json");
        File.WriteAllBytes(genesisPath, GenesisJson.Write(_scenario.Genesis, BenchmarkScenario.ChainId));

        var report = new BenchmarkReport
        {
            AnvilVersion = AnvilVersion(anvilPath),
            AnvilArguments = AnvilArguments("genesis.json"),
            Runtime = RuntimeInformation.FrameworkDescription,
            Os = RuntimeInformation.OSDescription,
            Cores = Environment.ProcessorCount,
            Fork = BenchmarkScenario.Spec.Name,
            ChainId = BenchmarkScenario.ChainId,
            Warmup = _options.Warmup,
            Runs = _options.Runs,
            LoadBefore = loadBefore,
        };

        _log.WriteLine($"Starting {report.AnvilVersion} ({anvilPath}).");
        using var anvil = AnvilNode.Start(anvilPath, AnvilArguments(genesisPath), TimeSpan.FromSeconds(60));
        var chain = new AnvilChain(anvil.Rpc);
        try
        {
            CheckGenesis(chain);
            report.Workloads.Add(MeasureTransferBlock(chain, report));
            var (keccak, compute) = VerifyCallGas(chain);
            report.Workloads.Add(MeasureCalls(chain, "keccak-loop", $"KeccakLoop.run({_options.KeccakIterations}) x {_options.KeccakCalls} calls",
                BenchmarkScenario.KeccakLoop, BenchmarkScenario.KeccakLoopCall(_options.KeccakIterations), keccak, _options.KeccakCalls));
            report.Workloads.Add(MeasureCalls(chain, "compute", $"Compute.run({_options.ComputeN}) x {_options.ComputeCalls} calls",
                BenchmarkScenario.Compute, BenchmarkScenario.ComputeCall(_options.ComputeN), compute, _options.ComputeCalls));
            report.RoundTrips = MeasureRoundTrips(chain);
        }
        catch (Exception e) when (e is JsonRpcException or InvalidOperationException or HttpRequestException)
        {
            throw new InvalidOperationException($"{e.Message}{Environment.NewLine}anvil's last output:{Environment.NewLine}{anvil.RecentOutput()}", e);
        }

        report.LoadAfter = LoadAverage.Read();
        return report;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _secp256k1.Dispose();
        AppDomain.CurrentDomain.ProcessExit -= DeleteWorkDirectory;
        DeleteWorkDirectory(null, EventArgs.Empty);
    }

    /// <summary>
    /// The flags that make anvil's chain equal to Nectar's: the shared genesis (allocation, timestamp, coinbase,
    /// base fee), the fork, chain id and gas limit repeated as flags because anvil takes them from there, no dev
    /// accounts and no CREATE2 deployer (neither is in the genesis), mining only on evm_mine so the pool fills,
    /// and no per-transaction logging or console.log decoding, which Nectar does not do either.
    /// </summary>
    private static List<string> AnvilArguments(string genesisPath) =>
    [
        "--init", genesisPath,
        "--hardfork", BenchmarkScenario.AnvilHardfork,
        "--chain-id", BenchmarkScenario.ChainId.ToString(CultureInfo.InvariantCulture),
        "--gas-limit", BenchmarkScenario.GasLimit.ToString(CultureInfo.InvariantCulture),
        "--no-mining",
        "--accounts", "0",
        "--disable-default-create2-deployer",
        "--disable-console-log",
        "--quiet",
    ];

    /// <summary>
    /// Anvil's genesis header carries the empty-trie state root whatever its allocation, so the states are compared
    /// through an empty block 1 on each side: no transactions and no system-contract code, hence block 1's state
    /// root is the allocation's root on both.
    /// </summary>
    private void CheckGenesis(AnvilChain chain)
    {
        _log.WriteLine("Checking that both genesis states are equal (an empty block 1 on each side).");
        chain.ResetToGenesis();
        chain.MineTimed(BenchmarkScenario.BlockTimestamp, _blockBaseFee);
        var anvilBlock = chain.GetBlock(1);
        var (nectarBlock, _) = _nectar.BuildTimed([]);
        var genesisRoot = nectarBlock.Block.Header.StateRoot;
        if (anvilBlock.StateRoot != genesisRoot)
        {
            throw new InvalidOperationException(
                $"The genesis states differ: anvil's empty block 1 has state root {anvilBlock.StateRoot}, Nectar's {genesisRoot}.");
        }

        Compare("empty block 1", anvilBlock, nectarBlock);
    }

    /// <summary>Removes the genesis file's directory, also when the program is stopped by a signal.</summary>
    private void DeleteWorkDirectory(object? sender, EventArgs e)
    {
        try
        {
            _workDirectory.Delete(recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already removed.
        }
    }

    private static string FindRepositoryAnvil()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Nectar.slnx")))
            {
                var anvil = Path.Combine(directory.FullName, "node_modules", ".bin", "anvil");
                return File.Exists(anvil)
                    ? anvil
                    : throw new InvalidOperationException($"{anvil} is missing; run scripts/bootstrap.sh (it installs the pinned anvil) or pass --anvil.");
            }
        }

        throw new InvalidOperationException("The repository root (Nectar.slnx) is not above this program; pass --anvil.");
    }

    private static string AnvilVersion(string anvilPath)
    {
        using var process = Process.Start(new ProcessStartInfo(anvilPath, "--version") { RedirectStandardOutput = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{anvilPath} did not start.");
        var firstLine = process.StandardOutput.ReadLine() ?? "anvil (unknown version)";
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return firstLine.Replace("Version: ", string.Empty, StringComparison.Ordinal);
    }
}
