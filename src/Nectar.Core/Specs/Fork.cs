namespace Nectar.Core.Specs;

/// <summary>Ethereum hard forks in activation order; later forks include every earlier rule.</summary>
public enum Fork
{
    /// <summary>The launch rules.</summary>
    Frontier,

    /// <summary>EIP-2 (low-s, contract-creation cost), EIP-7 (DELEGATECALL).</summary>
    Homestead,

    /// <summary>EIP-150 gas repricing and the 63/64 rule (a.k.a. Tangerine Whistle).</summary>
    TangerineWhistle,

    /// <summary>EIP-155 replay protection, EIP-158/161 empty-account clearing, EIP-170 code size limit.</summary>
    SpuriousDragon,

    /// <summary>REVERT, RETURNDATA, STATICCALL, receipts status, precompiles 0x05-0x08.</summary>
    Byzantium,

    /// <summary>Shifts, CREATE2, EXTCODEHASH (and the withdrawn EIP-1283).</summary>
    Constantinople,

    /// <summary>Constantinople without EIP-1283 (a.k.a. ConstantinopleFix).</summary>
    Petersburg,

    /// <summary>CHAINID, SELFBALANCE, EIP-2200 SSTORE, EIP-2028 calldata, BLAKE2 F.</summary>
    Istanbul,

    /// <summary>EIP-2929 access gas, EIP-2930 access-list transactions, EIP-2565 modexp pricing.</summary>
    Berlin,

    /// <summary>EIP-1559 fee market, BASEFEE, EIP-3529 refund reduction, EIP-3541.</summary>
    London,

    /// <summary>The Merge: PREVRANDAO replaces DIFFICULTY.</summary>
    Paris,

    /// <summary>PUSH0, warm coinbase, initcode limits, withdrawals.</summary>
    Shanghai,

    /// <summary>Transient storage, blob transactions, MCOPY, EIP-6780 SELFDESTRUCT, beacon root.</summary>
    Cancun,

    /// <summary>EIP-7702 set-code transactions, EIP-7623 calldata floor, EIP-2935 history, EIP-2537 BLS precompiles.</summary>
    Prague,
}
