using System.Globalization;
using Nectar.Core.Numerics;
using Nectar.Core.Specs;

namespace Nectar.Core.Transactions;

/// <summary>
/// Stateless transaction rules for a fork and a chain: what can be checked without the sender's account. The
/// sender's signature is checked for form here and recovered by <c>Nectar.Crypto.Signing.TransactionSigner</c>;
/// nonce order and balance are checked against state by the EVM.
/// </summary>
public static class TransactionValidator
{
    /// <summary>The secp256k1 group order n.</summary>
    private static readonly UInt256 CurveOrder = UInt256.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", CultureInfo.InvariantCulture);

    /// <summary>floor(n / 2): the largest s allowed from Homestead (EIP-2).</summary>
    private static readonly UInt256 HalfCurveOrder = CurveOrder >> 1;

    /// <summary>
    /// Checks every stateless rule: the type (<see cref="ValidateType"/>), the signature's form
    /// (<see cref="ValidateSignature"/>), the fields (<see cref="ValidateFields"/>) and the gas limit
    /// (<see cref="ValidateGas"/>), stopping at the first failure.
    /// </summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="spec">The fork's rules.</param>
    /// <param name="chainId">The chain the transaction must be for.</param>
    /// <returns>Valid, or the first rule broken.</returns>
    public static TransactionValidationResult Validate(Transaction transaction, ForkSpec spec, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(spec);

        var result = ValidateType(transaction, spec);
        if (result.IsValid)
        {
            result = ValidateSignature(transaction, spec, chainId);
        }

        if (result.IsValid)
        {
            result = ValidateFields(transaction, spec);
        }

        if (result.IsValid)
        {
            result = ValidateGas(transaction, spec);
        }

        return result;
    }

    /// <summary>Whether the fork knows the transaction's type.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="spec">The fork's rules.</param>
    /// <returns>Valid, or <see cref="TransactionError.TypeNotEnabled"/>.</returns>
    public static TransactionValidationResult ValidateType(Transaction transaction, ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(spec);
        var (enabled, eip) = transaction.Type switch
        {
            TransactionType.Legacy => (true, 0),
            TransactionType.AccessList => (spec.IsEip2930Enabled, 2930),
            TransactionType.DynamicFee => (spec.IsEip1559Enabled, 1559),
            TransactionType.SetCode => (spec.IsEip7702Enabled, 7702),
            _ => (false, 0),
        };

        return enabled
            ? TransactionValidationResult.Valid
            : Fail(TransactionError.TypeNotEnabled, $"Transaction type {(byte)transaction.Type} (EIP-{eip}) is not enabled in {spec.Name}.");
    }

    /// <summary>
    /// The form of the signature: the chain id and v (27/28, or chainId * 2 + 35/36 from EIP-155), a typed
    /// y parity of 0 or 1, r and s in [1, n - 1], and s at most n / 2 from Homestead.
    /// </summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="spec">The fork's rules.</param>
    /// <param name="chainId">The chain the transaction must be for.</param>
    /// <returns>Valid, <see cref="TransactionError.InvalidChainId"/> or <see cref="TransactionError.InvalidSignature"/>.</returns>
    public static TransactionValidationResult ValidateSignature(Transaction transaction, ForkSpec spec, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(spec);
        var expectedChain = new UInt256(chainId);
        if (transaction.IsTyped)
        {
            if (transaction.ChainId is not { } txChain || txChain != expectedChain)
            {
                return Fail(TransactionError.InvalidChainId, $"The transaction is for chain {Describe(transaction.ChainId)}, not chain {chainId}.");
            }

            if (transaction.V > UInt256.One)
            {
                return Fail(TransactionError.InvalidSignature, $"A typed transaction's y parity must be 0 or 1, found {transaction.V}.");
            }
        }
        else if (transaction.ChainId is { } legacyChain)
        {
            // Signed for a chain with EIP-155: impossible before Spurious Dragon, and the chain must be ours.
            if (!spec.IsEip155Enabled)
            {
                return Fail(TransactionError.InvalidSignature, $"v = {transaction.V} is an EIP-155 signature, which {spec.Name} does not accept; v must be 27 or 28.");
            }

            if (legacyChain != expectedChain || !transaction.TryGetYParity(out _))
            {
                return Fail(TransactionError.InvalidChainId, $"v = {transaction.V} signs for chain {legacyChain}; chain {chainId} needs v = {(expectedChain << 1) + 35} or {(expectedChain << 1) + 36}.");
            }
        }
        else if (!transaction.TryGetYParity(out _))
        {
            return Fail(
                spec.IsEip155Enabled ? TransactionError.InvalidChainId : TransactionError.InvalidSignature,
                spec.IsEip155Enabled
                    ? $"v = {transaction.V} is neither 27/28 nor chainId * 2 + 35/36 for chain {chainId}."
                    : $"v = {transaction.V} is not 27 or 28.");
        }

        if (transaction.R.IsZero || transaction.R >= CurveOrder)
        {
            return Fail(TransactionError.InvalidSignature, "The signature's r must lie in [1, n - 1].");
        }

        if (transaction.S.IsZero || transaction.S >= CurveOrder)
        {
            return Fail(TransactionError.InvalidSignature, "The signature's s must lie in [1, n - 1].");
        }

        if (spec.IsEip2Enabled && transaction.S > HalfCurveOrder)
        {
            return Fail(TransactionError.InvalidSignature, $"The signature's s exceeds n / 2, which {spec.Name} forbids (EIP-2).");
        }

        return TransactionValidationResult.Valid;
    }

    /// <summary>
    /// The nonce (below 2^64 - 1, EIP-2681), the fee caps (priority fee at most the maximum fee; gas limit times
    /// the maximum fee within 256 bits), the set-code rules (a recipient and at least one authorization) and the
    /// initcode size limit (EIP-3860).
    /// </summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="spec">The fork's rules.</param>
    /// <returns>Valid, or the first rule broken.</returns>
    public static TransactionValidationResult ValidateFields(Transaction transaction, ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(spec);
        if (transaction.Nonce == ulong.MaxValue)
        {
            return Fail(TransactionError.NonceAtMaximum, "The nonce is 2^64 - 1; EIP-2681 caps nonces below it.");
        }

        if (transaction.HasFeeMarket && transaction.MaxPriorityFeePerGas > transaction.MaxFeePerGas)
        {
            return Fail(
                TransactionError.PriorityFeeAboveMaxFee,
                $"The maximum priority fee {transaction.MaxPriorityFeePerGas} exceeds the maximum fee {transaction.MaxFeePerGas}.");
        }

        if (UInt256.MultiplyOverflow(new UInt256(transaction.GasLimit), transaction.MaxFeePerGas, out _))
        {
            return Fail(TransactionError.GasLimitPriceProductOverflow, "The gas limit times the maximum gas price does not fit in 256 bits.");
        }

        if (transaction.Type == TransactionType.SetCode)
        {
            if (transaction.IsContractCreation)
            {
                return Fail(TransactionError.CreationNotAllowed, "A set-code transaction (EIP-7702) must have a recipient; it cannot create a contract.");
            }

            if (transaction.AuthorizationList.IsEmpty)
            {
                return Fail(TransactionError.EmptyAuthorizationList, "A set-code transaction (EIP-7702) must carry at least one authorization.");
            }
        }

        if (transaction.IsContractCreation && spec.IsEip3860Enabled && transaction.Data.Length > spec.MaxInitCodeSize)
        {
            return Fail(
                TransactionError.InitCodeTooLarge,
                $"The initcode is {transaction.Data.Length} bytes; {spec.Name} allows at most {spec.MaxInitCodeSize} (EIP-3860).");
        }

        return TransactionValidationResult.Valid;
    }

    /// <summary>The gas limit covers the intrinsic gas and, from Prague, the EIP-7623 calldata floor.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="spec">The fork's rules.</param>
    /// <returns>Valid, <see cref="TransactionError.IntrinsicGasTooLow"/> or <see cref="TransactionError.GasLimitBelowCalldataFloor"/>.</returns>
    public static TransactionValidationResult ValidateGas(Transaction transaction, ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(spec);
        var intrinsic = IntrinsicGas.Calculate(transaction, spec);
        if (transaction.GasLimit < intrinsic)
        {
            return Fail(TransactionError.IntrinsicGasTooLow, $"The gas limit {transaction.GasLimit} is below the intrinsic gas {intrinsic}.");
        }

        if (spec.IsEip7623Enabled)
        {
            var floor = IntrinsicGas.CalldataFloor(transaction.Data.Span);
            if (transaction.GasLimit < floor)
            {
                return Fail(
                    TransactionError.GasLimitBelowCalldataFloor,
                    $"The gas limit {transaction.GasLimit} is below the calldata floor {floor} (EIP-7623).");
            }
        }

        return TransactionValidationResult.Valid;
    }

    private static TransactionValidationResult Fail(TransactionError error, string message) => TransactionValidationResult.Invalid(error, message);

    private static string Describe(UInt256? chainId) => chainId is { } id ? id.ToString() : "(none)";
}
