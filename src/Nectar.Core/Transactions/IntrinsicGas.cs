using Nectar.Core.Specs;

namespace Nectar.Core.Transactions;

/// <summary>
/// The gas a transaction costs before any code runs (the intrinsic gas), and the EIP-7623 calldata floor. The
/// transaction validator checks the gas limit against both; the EVM charges the intrinsic gas up front and, from
/// Prague, charges at least the floor when the transaction ends.
/// </summary>
public static class IntrinsicGas
{
    /// <summary>Every transaction: 21,000.</summary>
    public const ulong TransactionBase = 21_000;

    /// <summary>Added for contract creation from Homestead (EIP-2): 32,000.</summary>
    public const ulong ContractCreation = 32_000;

    /// <summary>Each zero byte of data: 4.</summary>
    public const ulong ZeroDataByte = 4;

    /// <summary>Each non-zero byte of data before Istanbul: 68.</summary>
    public const ulong NonZeroDataByteFrontier = 68;

    /// <summary>Each non-zero byte of data from Istanbul (EIP-2028): 16.</summary>
    public const ulong NonZeroDataByte = 16;

    /// <summary>Each access-list address (EIP-2930): 2,400.</summary>
    public const ulong AccessListAddress = 2_400;

    /// <summary>Each access-list storage key (EIP-2930): 1,900.</summary>
    public const ulong AccessListStorageKey = 1_900;

    /// <summary>Each 32-byte word of initcode in a creation from Shanghai (EIP-3860): 2.</summary>
    public const ulong InitCodeWord = 2;

    /// <summary>Each EIP-7702 authorization (the cost of an empty account, partly refunded later): 25,000.</summary>
    public const ulong PerAuthorization = 25_000;

    /// <summary>EIP-7623: the floor price of one calldata token.</summary>
    public const ulong FloorGasPerToken = 10;

    /// <summary>EIP-7623: a non-zero byte counts as this many tokens, a zero byte as one.</summary>
    public const ulong TokensPerNonZeroByte = 4;

    /// <summary>The intrinsic gas of a transaction under a fork's rules.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="spec">The fork's rules.</param>
    /// <returns>The intrinsic gas.</returns>
    public static ulong Calculate(Transaction transaction, ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var storageKeys = 0;
        foreach (var item in transaction.AccessList)
        {
            storageKeys += item.StorageKeys.Length;
        }

        return Calculate(
            transaction.Data.Span,
            transaction.IsContractCreation,
            transaction.AccessList.Length,
            storageKeys,
            transaction.AuthorizationList.Length,
            spec);
    }

    /// <summary>The intrinsic gas from a transaction's parts, for callers that hold them separately.</summary>
    /// <param name="data">The call data or initcode.</param>
    /// <param name="isContractCreation">Whether the transaction has no recipient.</param>
    /// <param name="accessListAddresses">Addresses in the access list.</param>
    /// <param name="accessListStorageKeys">Storage keys in the access list, over all addresses.</param>
    /// <param name="authorizations">EIP-7702 authorizations.</param>
    /// <param name="spec">The fork's rules.</param>
    /// <returns>
    /// 21,000; plus 32,000 for a creation from Homestead; plus 4 per zero byte and 68 (16 from Istanbul) per
    /// non-zero byte of data; plus 2 per initcode word of a creation from Shanghai; plus 2,400 per access-list
    /// address and 1,900 per storage key; plus 25,000 per authorization.
    /// </returns>
    public static ulong Calculate(
        ReadOnlySpan<byte> data, bool isContractCreation, int accessListAddresses, int accessListStorageKeys, int authorizations, ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(accessListAddresses);
        ArgumentOutOfRangeException.ThrowIfNegative(accessListStorageKeys);
        ArgumentOutOfRangeException.ThrowIfNegative(authorizations);

        // Data is at most 2^31 bytes and the counts are ints, so no sum below can overflow 64 bits.
        var zeros = (ulong)data.Count((byte)0);
        var nonZeros = (ulong)data.Length - zeros;
        var gas = TransactionBase
            + (zeros * ZeroDataByte)
            + (nonZeros * (spec.IsEip2028Enabled ? NonZeroDataByte : NonZeroDataByteFrontier))
            + ((ulong)accessListAddresses * AccessListAddress)
            + ((ulong)accessListStorageKeys * AccessListStorageKey)
            + ((ulong)authorizations * PerAuthorization);

        if (isContractCreation)
        {
            if (spec.IsEip2Enabled)
            {
                gas += ContractCreation;
            }

            if (spec.IsEip3860Enabled)
            {
                gas += InitCodeWord * (((ulong)data.Length + 31) / 32);
            }
        }

        return gas;
    }

    /// <summary>EIP-7623 calldata tokens: one per zero byte, four per non-zero byte.</summary>
    /// <param name="data">The call data or initcode.</param>
    /// <returns>The token count.</returns>
    public static ulong CalldataTokens(ReadOnlySpan<byte> data)
    {
        var zeros = (ulong)data.Count((byte)0);
        return zeros + (((ulong)data.Length - zeros) * TokensPerNonZeroByte);
    }

    /// <summary>
    /// The EIP-7623 floor: 21,000 plus 10 per calldata token. From Prague the gas limit must cover it and a
    /// transaction is charged at least this much; the rule itself does not depend on the fork, so callers check
    /// <see cref="ForkSpec.IsEip7623Enabled"/>.
    /// </summary>
    /// <param name="data">The call data or initcode.</param>
    /// <returns>The floor gas.</returns>
    public static ulong CalldataFloor(ReadOnlySpan<byte> data) => TransactionBase + (CalldataTokens(data) * FloorGasPerToken);

    /// <summary>The least gas limit a transaction may have: the intrinsic gas, or the calldata floor where that is higher and in force.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="spec">The fork's rules.</param>
    /// <returns>The minimum gas limit.</returns>
    public static ulong MinimumGasLimit(Transaction transaction, ForkSpec spec)
    {
        var intrinsic = Calculate(transaction, spec);
        return spec.IsEip7623Enabled ? Math.Max(intrinsic, CalldataFloor(transaction.Data.Span)) : intrinsic;
    }
}
