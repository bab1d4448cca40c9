namespace Nectar.Core.Transactions;

/// <summary>
/// Why a transaction was rejected by the decoder or by stateless validation. The transaction pool and the
/// conformance runners map these to their own error vocabularies; the accompanying message gives details.
/// </summary>
public enum TransactionError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>
    /// Malformed or non-canonical RLP, a wrong number of fields, trailing bytes, a list where a string belongs
    /// (or the reverse), or a field of the wrong size (an address that is not 20 bytes, a storage key that is
    /// not 32 bytes).
    /// </summary>
    InvalidRlp,

    /// <summary>The type byte names no transaction type Nectar knows.</summary>
    UnsupportedType,

    /// <summary>An EIP-4844 blob transaction (type 3): Nectar does not support blobs.</summary>
    BlobTransactionsNotSupported,

    /// <summary>The transaction's type is not enabled in the fork.</summary>
    TypeNotEnabled,

    /// <summary>A nonce (of the transaction or of an authorization) does not fit in 64 bits.</summary>
    NonceOverflow,

    /// <summary>The nonce is 2^64 - 1, which EIP-2681 forbids (the account nonce could not be incremented).</summary>
    NonceAtMaximum,

    /// <summary>The gas limit does not fit in 64 bits.</summary>
    GasLimitOverflow,

    /// <summary>The gas price or maximum fee per gas does not fit in 256 bits.</summary>
    GasPriceOverflow,

    /// <summary>The maximum priority fee per gas does not fit in 256 bits.</summary>
    PriorityFeeOverflow,

    /// <summary>The value does not fit in 256 bits.</summary>
    ValueOverflow,

    /// <summary>
    /// The signature is invalid: r or s outside [1, n - 1], s above n / 2 from Homestead, a typed transaction's
    /// y parity other than 0 or 1, or a signature value that does not fit in 256 bits.
    /// </summary>
    InvalidSignature,

    /// <summary>
    /// The chain id is wrong: a typed transaction for another chain, a legacy v that is neither 27/28 nor
    /// chainId * 2 + 35/36 for this chain, or an EIP-155 signature before EIP-155.
    /// </summary>
    InvalidChainId,

    /// <summary>The sender's public key cannot be recovered from the signature.</summary>
    SenderRecoveryFailed,

    /// <summary>The maximum priority fee per gas exceeds the maximum fee per gas.</summary>
    PriorityFeeAboveMaxFee,

    /// <summary>Gas limit times the (maximum) gas price does not fit in 256 bits.</summary>
    GasLimitPriceProductOverflow,

    /// <summary>A contract-creation transaction's initcode exceeds the EIP-3860 limit.</summary>
    InitCodeTooLarge,

    /// <summary>The gas limit is below the intrinsic gas.</summary>
    IntrinsicGasTooLow,

    /// <summary>The gas limit is below the EIP-7623 calldata floor.</summary>
    GasLimitBelowCalldataFloor,

    /// <summary>An EIP-7702 transaction without authorizations.</summary>
    EmptyAuthorizationList,

    /// <summary>An EIP-7702 transaction without a destination: set-code transactions cannot create contracts.</summary>
    CreationNotAllowed,
}
