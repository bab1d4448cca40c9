namespace Nectar.Chain.TxPool;

/// <summary>
/// Why the pool refused a transaction. The checks run in the order of the members below and the first failure is
/// reported; <see cref="TxPoolResult.Message"/> carries go-ethereum's text for the same failure, which is what
/// ethers, viem, cast and forge recognise.
/// </summary>
public enum TxPoolError
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>The encoding is larger than <see cref="TxPoolOptions.MaxTransactionSize"/>: "oversized data".</summary>
    OversizedData,

    /// <summary>The bytes are not a canonical transaction encoding (RLP, field count, field sizes, integer bounds).</summary>
    InvalidEncoding,

    /// <summary>An EIP-4844 blob transaction (type 3), which Nectar does not carry: "transaction type not supported".</summary>
    BlobTransactionsNotSupported,

    /// <summary>A type byte Nectar does not know: "transaction type not supported".</summary>
    UnsupportedType,

    /// <summary>A known type the current fork has not enabled: "transaction type not supported".</summary>
    TypeNotEnabled,

    /// <summary>Signed for another chain: "invalid sender: invalid chain id for signer".</summary>
    InvalidChainId,

    /// <summary>
    /// A legacy transaction signed without a chain id while <see cref="TxPoolOptions.AllowUnprotectedTransactions"/>
    /// is off: "only replay-protected (EIP-155) transactions allowed over RPC".
    /// </summary>
    UnprotectedTransaction,

    /// <summary>The signature's v, r or s is out of range, or s is high: "invalid sender: invalid transaction v, r, s values".</summary>
    InvalidSignature,

    /// <summary>The nonce is 2^64 - 1 (EIP-2681): "nonce has max value".</summary>
    NonceMax,

    /// <summary>The priority fee exceeds the maximum fee: "max priority fee per gas higher than max fee per gas".</summary>
    TipAboveFeeCap,

    /// <summary>The gas limit times the maximum fee does not fit in 256 bits.</summary>
    FeeCapTooHigh,

    /// <summary>A set-code (EIP-7702) transaction without a recipient.</summary>
    SetCodeCreation,

    /// <summary>A set-code (EIP-7702) transaction without authorizations.</summary>
    EmptyAuthorizationList,

    /// <summary>A contract creation whose initcode exceeds the EIP-3860 limit: "max initcode size exceeded".</summary>
    MaxInitCodeSizeExceeded,

    /// <summary>The gas limit is below the intrinsic gas: "intrinsic gas too low".</summary>
    IntrinsicGasTooLow,

    /// <summary>The gas limit is below the EIP-7623 calldata floor: "insufficient gas for floor data gas cost".</summary>
    FloorDataGas,

    /// <summary>The gas limit is above the block gas limit: "exceeds block gas limit".</summary>
    ExceedsBlockGasLimit,

    /// <summary>No sender can be recovered from the signature: "invalid sender".</summary>
    InvalidSender,

    /// <summary>The admission port refused the sender: "sender not admitted" (Nectar's own error).</summary>
    SenderNotAdmitted,

    /// <summary>The sender has contract code (EIP-3607): "sender not an eoa". Delegated accounts (EIP-7702) may send.</summary>
    SenderNotEoa,

    /// <summary>The nonce is below the sender's account nonce: "nonce too low".</summary>
    NonceTooLow,

    /// <summary>The nonce is more than <see cref="TxPoolOptions.MaxNonceGap"/> ahead of the account nonce: "nonce too high".</summary>
    NonceTooHigh,

    /// <summary>The balance does not cover gas limit times maximum fee plus value: "insufficient funds for gas * price + value".</summary>
    InsufficientFunds,

    /// <summary>The same transaction is already in the pool: "already known".</summary>
    AlreadyKnown,

    /// <summary>
    /// Another transaction of the same sender and nonce is pooled and the newcomer does not raise both its maximum fee
    /// and its priority fee by at least 10%: "replacement transaction underpriced".
    /// </summary>
    ReplacementUnderpriced,

    /// <summary>The sender already has <see cref="TxPoolOptions.MaxTransactionsPerSender"/> transactions pooled: "account limit exceeded".</summary>
    AccountLimitExceeded,

    /// <summary>The pool is full and the newcomer ranks below everything it could evict: "txpool is full".</summary>
    TxPoolFull,
}
