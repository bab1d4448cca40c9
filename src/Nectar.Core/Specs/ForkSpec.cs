using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Nectar.Core.Specs;

/// <summary>
/// The rules of one fork as flags and constants. Code asks "is EIP-x active" rather than comparing forks,
/// so a custom chain could enable a rule set that no mainnet fork has. Instances are immutable and shared.
/// </summary>
public sealed class ForkSpec
{
    private static readonly ForkSpec[] All = Enum.GetValues<Fork>().Select(f => new ForkSpec(f)).ToArray();

    private static readonly FrozenDictionary<string, Fork> Names = new Dictionary<string, Fork>(StringComparer.OrdinalIgnoreCase)
    {
        ["Frontier"] = Fork.Frontier,
        ["Homestead"] = Fork.Homestead,
        ["EIP150"] = Fork.TangerineWhistle,
        ["TangerineWhistle"] = Fork.TangerineWhistle,
        ["EIP158"] = Fork.SpuriousDragon,
        ["SpuriousDragon"] = Fork.SpuriousDragon,
        ["Byzantium"] = Fork.Byzantium,
        ["Constantinople"] = Fork.Constantinople,
        ["ConstantinopleFix"] = Fork.Petersburg,
        ["Petersburg"] = Fork.Petersburg,
        ["Istanbul"] = Fork.Istanbul,
        ["Berlin"] = Fork.Berlin,
        ["London"] = Fork.London,
        ["Paris"] = Fork.Paris,
        ["Merge"] = Fork.Paris,
        ["Shanghai"] = Fork.Shanghai,
        ["Cancun"] = Fork.Cancun,
        ["Prague"] = Fork.Prague,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private ForkSpec(Fork fork)
    {
        Fork = fork;
        var at = (Fork f) => fork >= f;

        IsEip2Enabled = at(Fork.Homestead);
        IsEip7Enabled = at(Fork.Homestead);
        IsEip150Enabled = at(Fork.TangerineWhistle);
        IsEip155Enabled = at(Fork.SpuriousDragon);
        IsEip158Enabled = at(Fork.SpuriousDragon);
        IsEip170Enabled = at(Fork.SpuriousDragon);
        IsByzantiumEnabled = at(Fork.Byzantium);
        IsEip145Enabled = at(Fork.Constantinople);
        IsEip1014Enabled = at(Fork.Constantinople);
        IsEip1052Enabled = at(Fork.Constantinople);
        IsEip1283Enabled = fork == Fork.Constantinople;
        IsEip1344Enabled = at(Fork.Istanbul);
        IsEip1884Enabled = at(Fork.Istanbul);
        IsEip2028Enabled = at(Fork.Istanbul);
        IsEip2200Enabled = at(Fork.Istanbul);
        IsEip152Enabled = at(Fork.Istanbul);
        IsEip1108Enabled = at(Fork.Istanbul);
        IsEip2929Enabled = at(Fork.Berlin);
        IsEip2930Enabled = at(Fork.Berlin);
        IsEip2565Enabled = at(Fork.Berlin);
        IsEip1559Enabled = at(Fork.London);
        IsEip3198Enabled = at(Fork.London);
        IsEip3529Enabled = at(Fork.London);
        IsEip3541Enabled = at(Fork.London);
        IsEip4399Enabled = at(Fork.Paris);
        IsEip3651Enabled = at(Fork.Shanghai);
        IsEip3855Enabled = at(Fork.Shanghai);
        IsEip3860Enabled = at(Fork.Shanghai);
        IsEip4895Enabled = at(Fork.Shanghai);
        IsEip1153Enabled = at(Fork.Cancun);
        IsEip4788Enabled = at(Fork.Cancun);
        IsEip4844Enabled = at(Fork.Cancun);
        IsEip5656Enabled = at(Fork.Cancun);
        IsEip6780Enabled = at(Fork.Cancun);
        IsEip7516Enabled = at(Fork.Cancun);
        IsEip2537Enabled = at(Fork.Prague);
        IsEip2935Enabled = at(Fork.Prague);
        IsEip7623Enabled = at(Fork.Prague);
        IsEip7685Enabled = at(Fork.Prague);
        IsEip7691Enabled = at(Fork.Prague);
        IsEip7702Enabled = at(Fork.Prague);

        MaxCodeSize = IsEip170Enabled ? 24_576 : int.MaxValue;
        MaxInitCodeSize = IsEip3860Enabled ? 2 * 24_576 : int.MaxValue;
        MaxRefundQuotient = IsEip3529Enabled ? 5 : 2;
        TargetBlobsPerBlock = IsEip7691Enabled ? 6 : 3;
        MaxBlobsPerBlock = IsEip7691Enabled ? 9 : 6;
        BlobBaseFeeUpdateFraction = IsEip7691Enabled ? 5_007_716UL : 3_338_477UL;
    }

    /// <summary>The fork these rules belong to.</summary>
    public Fork Fork { get; }

    /// <summary>The fork's conventional name as the Ethereum test fixtures spell it.</summary>
    public string Name => Fork switch
    {
        Fork.TangerineWhistle => "EIP150",
        Fork.SpuriousDragon => "EIP158",
        Fork.Petersburg => "ConstantinopleFix",
        _ => Fork.ToString(),
    };

    /// <summary>Homestead: signatures with s above n/2 are invalid; contract creation by transaction costs 53,000.</summary>
    public bool IsEip2Enabled { get; }

    /// <summary>DELEGATECALL.</summary>
    public bool IsEip7Enabled { get; }

    /// <summary>IO-heavy opcode repricing and the 63/64 rule for call gas.</summary>
    public bool IsEip150Enabled { get; }

    /// <summary>Replay protection: the chain id is part of legacy signatures.</summary>
    public bool IsEip155Enabled { get; }

    /// <summary>State clearing: touched empty accounts are deleted; calls to empty accounts cost no new-account gas.</summary>
    public bool IsEip158Enabled { get; }

    /// <summary>Contract code size limit (24,576 bytes).</summary>
    public bool IsEip170Enabled { get; }

    /// <summary>Byzantium: REVERT, RETURNDATASIZE/COPY, STATICCALL, receipt status, precompiles 0x05-0x08.</summary>
    public bool IsByzantiumEnabled { get; }

    /// <summary>SHL, SHR, SAR.</summary>
    public bool IsEip145Enabled { get; }

    /// <summary>CREATE2.</summary>
    public bool IsEip1014Enabled { get; }

    /// <summary>EXTCODEHASH.</summary>
    public bool IsEip1052Enabled { get; }

    /// <summary>Constantinople's net gas metering for SSTORE (withdrawn in Petersburg).</summary>
    public bool IsEip1283Enabled { get; }

    /// <summary>CHAINID.</summary>
    public bool IsEip1344Enabled { get; }

    /// <summary>SELFBALANCE and the repricing of SLOAD, BALANCE, EXTCODEHASH.</summary>
    public bool IsEip1884Enabled { get; }

    /// <summary>Non-zero calldata bytes cost 16 gas.</summary>
    public bool IsEip2028Enabled { get; }

    /// <summary>Net gas metering for SSTORE with the 2,300 sentry.</summary>
    public bool IsEip2200Enabled { get; }

    /// <summary>BLAKE2 F precompile (0x09).</summary>
    public bool IsEip152Enabled { get; }

    /// <summary>bn254 precompile repricing.</summary>
    public bool IsEip1108Enabled { get; }

    /// <summary>Warm and cold access costs.</summary>
    public bool IsEip2929Enabled { get; }

    /// <summary>Access-list transactions (type 1).</summary>
    public bool IsEip2930Enabled { get; }

    /// <summary>Modexp repricing.</summary>
    public bool IsEip2565Enabled { get; }

    /// <summary>The fee market and dynamic-fee transactions (type 2).</summary>
    public bool IsEip1559Enabled { get; }

    /// <summary>BASEFEE opcode.</summary>
    public bool IsEip3198Enabled { get; }

    /// <summary>Reduced refunds (cap 1/5, no SELFDESTRUCT refund).</summary>
    public bool IsEip3529Enabled { get; }

    /// <summary>New code starting with 0xEF is rejected.</summary>
    public bool IsEip3541Enabled { get; }

    /// <summary>PREVRANDAO replaces DIFFICULTY.</summary>
    public bool IsEip4399Enabled { get; }

    /// <summary>The coinbase starts warm.</summary>
    public bool IsEip3651Enabled { get; }

    /// <summary>PUSH0.</summary>
    public bool IsEip3855Enabled { get; }

    /// <summary>Initcode size limit and metering.</summary>
    public bool IsEip3860Enabled { get; }

    /// <summary>Beacon-chain withdrawals in blocks.</summary>
    public bool IsEip4895Enabled { get; }

    /// <summary>Transient storage (TLOAD, TSTORE).</summary>
    public bool IsEip1153Enabled { get; }

    /// <summary>Beacon block root in the EVM (system call at block start).</summary>
    public bool IsEip4788Enabled { get; }

    /// <summary>Blob transactions, BLOBHASH, the point-evaluation precompile, blob gas header fields.</summary>
    public bool IsEip4844Enabled { get; }

    /// <summary>MCOPY.</summary>
    public bool IsEip5656Enabled { get; }

    /// <summary>SELFDESTRUCT only deletes accounts created in the same transaction.</summary>
    public bool IsEip6780Enabled { get; }

    /// <summary>BLOBBASEFEE opcode.</summary>
    public bool IsEip7516Enabled { get; }

    /// <summary>BLS12-381 precompiles 0x0b-0x11.</summary>
    public bool IsEip2537Enabled { get; }

    /// <summary>Historical block hashes served from a system contract.</summary>
    public bool IsEip2935Enabled { get; }

    /// <summary>Calldata cost floor.</summary>
    public bool IsEip7623Enabled { get; }

    /// <summary>General execution-layer requests (requests hash in the header).</summary>
    public bool IsEip7685Enabled { get; }

    /// <summary>Blob throughput increase (target 6, max 9).</summary>
    public bool IsEip7691Enabled { get; }

    /// <summary>Set-code transactions (type 4) and delegation designators.</summary>
    public bool IsEip7702Enabled { get; }

    /// <summary>Maximum deployed code size in bytes.</summary>
    public int MaxCodeSize { get; }

    /// <summary>Maximum initcode size in bytes.</summary>
    public int MaxInitCodeSize { get; }

    /// <summary>Refunds are capped at gas used divided by this quotient.</summary>
    public int MaxRefundQuotient { get; }

    /// <summary>Target blobs per block (EIP-4844 / EIP-7691).</summary>
    public int TargetBlobsPerBlock { get; }

    /// <summary>Maximum blobs per block.</summary>
    public int MaxBlobsPerBlock { get; }

    /// <summary>Denominator of the blob base fee exponential.</summary>
    public ulong BlobBaseFeeUpdateFraction { get; }

    /// <summary>The shared instance for a fork.</summary>
    public static ForkSpec For(Fork fork) => All[(int)fork];

    /// <summary>Finds a fork by the names the Ethereum fixtures use (case-insensitive: "Cancun", "EIP150", "ConstantinopleFix", "Merge").</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out ForkSpec? spec)
    {
        if (Names.TryGetValue(name, out var fork))
        {
            spec = For(fork);
            return true;
        }

        spec = null;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
