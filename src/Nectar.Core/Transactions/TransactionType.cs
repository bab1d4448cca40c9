namespace Nectar.Core.Transactions;

/// <summary>
/// The EIP-2718 transaction types Nectar accepts. The value is the type byte that prefixes a typed
/// transaction's encoding; legacy transactions have no prefix.
/// </summary>
/// <remarks>
/// Type 3 (EIP-4844 blob transactions) is deliberately absent: Nectar does not carry blobs, and the decoder
/// rejects that type with <see cref="TransactionError.BlobTransactionsNotSupported"/>.
/// </remarks>
public enum TransactionType : byte
{
    /// <summary>The original RLP list, signed with or without an EIP-155 chain id.</summary>
    Legacy = 0,

    /// <summary>EIP-2930: a gas price and an access list (from Berlin).</summary>
    AccessList = 1,

    /// <summary>EIP-1559: a maximum fee and a priority fee instead of a gas price (from London).</summary>
    DynamicFee = 2,

    /// <summary>EIP-7702: a dynamic-fee transaction carrying code-delegation authorizations (from Prague).</summary>
    SetCode = 4,
}
