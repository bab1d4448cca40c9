namespace Nectar.Chain.Validation;

/// <summary>Why a block is invalid: one value per rule, so callers (peers' scoring, fraud proofs, tests) can tell them apart.</summary>
public enum BlockError
{
    /// <summary>The block is valid.</summary>
    None,

    /// <summary>The block's parent is not known.</summary>
    UnknownParent,

    /// <summary>The parent hash is not the hash of the given parent.</summary>
    ParentHashMismatch,

    /// <summary>The number is not the parent's number plus one.</summary>
    InvalidNumber,

    /// <summary>The timestamp is not after the parent's.</summary>
    TimestampNotAfterParent,

    /// <summary>The gas limit is below 5,000.</summary>
    GasLimitTooLow,

    /// <summary>The gas limit is above 2^63 - 1.</summary>
    GasLimitTooHigh,

    /// <summary>The gas limit moved by parent / 1024 or more from the parent's.</summary>
    GasLimitChangeTooLarge,

    /// <summary>The header's gas used exceeds its gas limit.</summary>
    GasUsedAboveGasLimit,

    /// <summary>The base fee is not the EIP-1559 successor of the parent's.</summary>
    InvalidBaseFee,

    /// <summary>The excess blob gas is not the EIP-4844 successor of the parent's.</summary>
    InvalidExcessBlobGas,

    /// <summary>The blob gas used is above the fork's maximum or not a whole number of blobs.</summary>
    InvalidBlobGasUsed,

    /// <summary>The extra data is longer than 32 bytes.</summary>
    ExtraDataTooLong,

    /// <summary>The header has fields its fork lacks or lacks fields its fork has (base fee, withdrawals root, blob gas, parent beacon root, requests hash).</summary>
    InvalidHeaderFields,

    /// <summary>The body has a withdrawals list its fork lacks, or lacks one its fork has.</summary>
    InvalidWithdrawalsPresence,

    /// <summary>The block has ommers after the Merge, or its ommers hash does not match its ommers.</summary>
    InvalidOmmers,

    /// <summary>The difficulty is not zero after the Merge.</summary>
    NonZeroDifficulty,

    /// <summary>The nonce is not zero after the Merge.</summary>
    NonZeroNonce,

    /// <summary>A transaction's signature is malformed, for another chain, or recovers no sender.</summary>
    InvalidTransactionSignature,

    /// <summary>A transaction cannot execute against the state (nonce, balance, fee, gas, fields); see the message and transaction index.</summary>
    InvalidTransaction,

    /// <summary>The header's transactions root does not match the body's transactions.</summary>
    TransactionsRootMismatch,

    /// <summary>The header's withdrawals root does not match the body's withdrawals.</summary>
    WithdrawalsRootMismatch,

    /// <summary>The header's gas used differs from the execution's.</summary>
    GasUsedMismatch,

    /// <summary>The header's blob gas used differs from the execution's.</summary>
    BlobGasUsedMismatch,

    /// <summary>The header's logs bloom differs from the execution's.</summary>
    LogsBloomMismatch,

    /// <summary>The header's receipts root differs from the execution's.</summary>
    ReceiptsRootMismatch,

    /// <summary>The header's requests hash differs from the execution's.</summary>
    RequestsHashMismatch,

    /// <summary>The header's state root differs from the execution's.</summary>
    StateRootMismatch,
}
