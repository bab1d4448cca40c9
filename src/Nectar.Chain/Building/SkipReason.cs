namespace Nectar.Chain.Building;

/// <summary>Why the builder left a candidate transaction out of the block.</summary>
public enum SkipReason
{
    /// <summary>The signature is malformed, for another chain, or recovers no sender.</summary>
    InvalidSignature,

    /// <summary>A stateless rule fails: type not enabled in the fork, fields, or gas limit below the intrinsic gas or the calldata floor.</summary>
    InvalidTransaction,

    /// <summary>The nonce is below the sender's (already used).</summary>
    NonceTooLow,

    /// <summary>The nonce is above the sender's (a gap, for instance after a skipped transaction of the same sender).</summary>
    NonceTooHigh,

    /// <summary>The sender's nonce is already at its maximum.</summary>
    NonceAtMaximum,

    /// <summary>The sender cannot pay the gas limit times the maximum fee plus the value.</summary>
    InsufficientFunds,

    /// <summary>The sender has code (EIP-3607).</summary>
    SenderNotEoa,

    /// <summary>The maximum fee per gas is below the block's base fee.</summary>
    MaxFeeBelowBaseFee,

    /// <summary>The gas limit exceeds the gas the block has left.</summary>
    InsufficientBlockGas,
}
