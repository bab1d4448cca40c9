namespace Nectar.Evm;

/// <summary>Why a transaction cannot be included: it changes no state and uses no block gas.</summary>
public enum TransactionRejection
{
    /// <summary>The transaction was executed.</summary>
    None,

    /// <summary>A stateless rule failed (type, fields or gas); <see cref="TransactionResult.ValidationError"/> says which.</summary>
    InvalidTransaction,

    /// <summary>The nonce is below the sender's nonce.</summary>
    NonceTooLow,

    /// <summary>The nonce is above the sender's nonce.</summary>
    NonceTooHigh,

    /// <summary>The sender's nonce is already 2^64 - 1 (EIP-2681).</summary>
    NonceAtMaximum,

    /// <summary>The sender cannot pay gas limit times maximum fee plus value.</summary>
    InsufficientFunds,

    /// <summary>The sender has code other than a delegation designator (EIP-3607, EIP-7702).</summary>
    SenderNotEoa,

    /// <summary>The maximum fee per gas is below the block's base fee.</summary>
    MaxFeeBelowBaseFee,

    /// <summary>The gas limit exceeds the gas the block has left.</summary>
    BlockGasExceeded,
}
