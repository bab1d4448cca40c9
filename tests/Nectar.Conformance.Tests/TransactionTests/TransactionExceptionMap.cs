using Nectar.Core.Transactions;

namespace Nectar.Conformance.Tests.TransactionTests;

/// <summary>
/// Which <see cref="TransactionError"/>s answer each fixture exception. Signature and chain-id errors form one
/// group (clients disagree on which of r/s/v/chain id to blame first); an overflowing value given with leading
/// zeros may be rejected as non-canonical RLP; a type the fork does not have may fail decoding first.
/// </summary>
internal static class TransactionExceptionMap
{
    private static readonly TransactionError[] Signature =
        [TransactionError.InvalidSignature, TransactionError.InvalidChainId, TransactionError.SenderRecoveryFailed];

    /// <summary>Every error: a type the fork lacks may be rejected for whatever the fork-independent decoder finds first.</summary>
    private static readonly TransactionError[] Any = [.. Enum.GetValues<TransactionError>().Where(e => e != TransactionError.None)];

    public static IReadOnlySet<TransactionError> Allowed(string exception)
    {
        const string prefix = "TransactionException.";
        var name = exception.StartsWith(prefix, StringComparison.Ordinal) ? exception[prefix.Length..] : exception;
        TransactionError[] errors = name switch
        {
            "INVALID_SIGNATURE_VRS" or "INVALID_CHAINID" or "EC_RECOVERY_FAIL" => Signature,
            "TYPE_NOT_SUPPORTED" => Any,
            "NONCE_OVERFLOW" => [TransactionError.NonceOverflow, TransactionError.InvalidRlp],
            "NONCE_TOO_BIG" => [TransactionError.NonceAtMaximum],
            "GASLIMIT_OVERFLOW" => [TransactionError.GasLimitOverflow, TransactionError.InvalidRlp],
            "GASPRICE_OVERFLOW" => [TransactionError.GasPriceOverflow, TransactionError.InvalidRlp],
            "PRIORITY_OVERFLOW" => [TransactionError.PriorityFeeOverflow, TransactionError.InvalidRlp],
            "VALUE_OVERFLOW" => [TransactionError.ValueOverflow, TransactionError.InvalidRlp],
            "INTRINSIC_GAS_TOO_LOW" => [TransactionError.IntrinsicGasTooLow],
            "INITCODE_SIZE_EXCEEDED" => [TransactionError.InitCodeTooLarge],
            "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS" or "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS_2" => [TransactionError.PriorityFeeAboveMaxFee],
            "GASLIMIT_PRICE_PRODUCT_OVERFLOW" => [TransactionError.GasLimitPriceProductOverflow],
            _ when name.StartsWith("RLP_", StringComparison.Ordinal) || name.StartsWith("ADDRESS_TOO_", StringComparison.Ordinal) => [TransactionError.InvalidRlp],
            _ => throw new InvalidOperationException($"Fixture exception {exception} has no mapping; add one to {nameof(TransactionExceptionMap)}."),
        };
        return errors.ToHashSet();
    }
}
