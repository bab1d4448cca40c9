namespace Nectar.Evm;

/// <summary>Gas constants of the yellow paper and the EIPs that changed them.</summary>
public static class GasCosts
{
    /// <summary>Base cost of every transaction.</summary>
    public const long Transaction = 21_000;

    /// <summary>Extra cost of a contract-creation transaction from Homestead on (EIP-2).</summary>
    public const long TransactionCreate = 32_000;

    /// <summary>Calldata zero byte.</summary>
    public const long TxDataZero = 4;

    /// <summary>Calldata non-zero byte before Istanbul.</summary>
    public const long TxDataNonZeroFrontier = 68;

    /// <summary>Calldata non-zero byte from Istanbul on (EIP-2028).</summary>
    public const long TxDataNonZero = 16;

    /// <summary>Access-list address (EIP-2930).</summary>
    public const long AccessListAddress = 2_400;

    /// <summary>Access-list storage key (EIP-2930).</summary>
    public const long AccessListStorageKey = 1_900;

    /// <summary>Per 32-byte word of init code (EIP-3860).</summary>
    public const long InitCodeWord = 2;

    /// <summary>Per authorization tuple of a set-code transaction (EIP-7702's PER_EMPTY_ACCOUNT_COST).</summary>
    public const long PerEmptyAccount = 25_000;

    /// <summary>EIP-7702's PER_AUTH_BASE_COST; the difference to <see cref="PerEmptyAccount"/> is refunded for existing authorities.</summary>
    public const long PerAuthBase = 12_500;

    /// <summary>EIP-7623's floor price per calldata token.</summary>
    public const long TotalCostFloorPerToken = 10;

    /// <summary>Warm account or slot read (EIP-2929).</summary>
    public const long WarmAccess = 100;

    /// <summary>Cold account access (EIP-2929).</summary>
    public const long ColdAccountAccess = 2_600;

    /// <summary>Cold slot read (EIP-2929).</summary>
    public const long ColdSload = 2_100;

    /// <summary>What a cold account access costs beyond the warm price charged up front.</summary>
    public const long ColdAccountAccessExtra = ColdAccountAccess - WarmAccess;

    /// <summary>What a cold SLOAD costs beyond the warm price charged up front.</summary>
    public const long ColdSloadExtra = ColdSload - WarmAccess;

    /// <summary>SSTORE of a non-zero value into a zero slot.</summary>
    public const long SstoreSet = 20_000;

    /// <summary>SSTORE changing a non-zero slot (before EIP-2929 adjusts it).</summary>
    public const long SstoreReset = 5_000;

    /// <summary>Refund for clearing a slot before London.</summary>
    public const long SstoreClearsRefund = 15_000;

    /// <summary>Refund for clearing a slot from London on (EIP-3529).</summary>
    public const long SstoreClearsRefundLondon = 4_800;

    /// <summary>SSTORE fails when no more than this is left (EIP-2200).</summary>
    public const long SstoreSentry = 2_300;

    /// <summary>Value-bearing call.</summary>
    public const long CallValue = 9_000;

    /// <summary>Gas handed to the callee of a value-bearing call on top of the requested gas.</summary>
    public const long CallStipend = 2_300;

    /// <summary>Call or self-destruct that brings a new account into existence.</summary>
    public const long NewAccount = 25_000;

    /// <summary>Per byte of deployed code.</summary>
    public const long CodeDeposit = 200;

    /// <summary>Refund for a self-destruct before London.</summary>
    public const long SelfDestructRefund = 24_000;

    /// <summary>Gas of a system call (EIP-4788, EIP-2935).</summary>
    public const long SystemCall = 30_000_000;
}
