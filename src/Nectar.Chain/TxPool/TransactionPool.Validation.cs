using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Chain.TxPool;

public sealed partial class TransactionPool
{
    /// <summary>Strict decoding, mapping the codec's errors to the pool's.</summary>
    private static bool TryDecode(ReadOnlySpan<byte> encoded, out Transaction transaction, out TxPoolResult failure)
    {
        try
        {
            transaction = TransactionCodec.Decode(encoded);
            failure = default;
            return true;
        }
        catch (TransactionDecodingException e)
        {
            transaction = null!;
            failure = e.Error switch
            {
                TransactionError.BlobTransactionsNotSupported =>
                    TxPoolResult.Refused(TxPoolError.BlobTransactionsNotSupported, TxPoolMessages.TypeNotSupported(e.Message)),
                TransactionError.UnsupportedType =>
                    TxPoolResult.Refused(TxPoolError.UnsupportedType, TxPoolMessages.TypeNotSupported(e.Message)),
                _ => TxPoolResult.Refused(TxPoolError.InvalidEncoding, TxPoolMessages.InvalidEncoding(e.Message)),
            };
            return false;
        }
    }

    /// <summary>
    /// The checks that need neither the sender nor state, in order: the type is enabled, the chain id is ours (and
    /// present, unless unprotected transactions are allowed), the stateless rules of
    /// <see cref="TransactionValidator"/>, and the block gas limit.
    /// </summary>
    /// <returns>Accepted (with the hash) or the first failure.</returns>
    private TxPoolResult CheckStateless(Transaction tx, HeadRules rules)
    {
        var spec = rules.Spec;
        if (!TransactionValidator.ValidateType(tx, spec).IsValid)
        {
            return Refuse(TxPoolError.TypeNotEnabled, TxPoolMessages.TypeNotEnabled(tx.Type, spec.Name), tx);
        }

        var chainId = _options.ChainId;
        if (tx.ChainId is not { } txChain)
        {
            // A legacy transaction signed without EIP-155: replayable on every chain.
            if (!_options.AllowUnprotectedTransactions)
            {
                return Refuse(TxPoolError.UnprotectedTransaction, TxPoolMessages.UnprotectedTransaction, tx);
            }
        }
        else if (txChain != new UInt256(chainId))
        {
            return Refuse(TxPoolError.InvalidChainId, TxPoolMessages.InvalidChainId(txChain, chainId), tx);
        }

        // The chain id is ours by now, so any failure here is in v, r or s themselves.
        if (!TransactionValidator.ValidateSignature(tx, spec, chainId).IsValid)
        {
            return Refuse(TxPoolError.InvalidSignature, TxPoolMessages.InvalidSignature, tx);
        }

        var fields = TransactionValidator.ValidateFields(tx, spec);
        if (!fields.IsValid)
        {
            return fields.Error switch
            {
                TransactionError.NonceAtMaximum => Refuse(TxPoolError.NonceMax, TxPoolMessages.NonceMax, tx),
                TransactionError.PriorityFeeAboveMaxFee =>
                    Refuse(TxPoolError.TipAboveFeeCap, TxPoolMessages.TipAboveFeeCap(tx.MaxPriorityFeePerGas, tx.MaxFeePerGas), tx),
                TransactionError.GasLimitPriceProductOverflow => Refuse(TxPoolError.FeeCapTooHigh, TxPoolMessages.FeeCapTooHigh, tx),
                TransactionError.CreationNotAllowed => Refuse(TxPoolError.SetCodeCreation, TxPoolMessages.SetCodeCreation, tx),
                TransactionError.EmptyAuthorizationList => Refuse(TxPoolError.EmptyAuthorizationList, TxPoolMessages.EmptyAuthorizationList, tx),
                TransactionError.InitCodeTooLarge =>
                    Refuse(TxPoolError.MaxInitCodeSizeExceeded, TxPoolMessages.MaxInitCodeSizeExceeded(tx.Data.Length, spec.MaxInitCodeSize), tx),
                _ => Refuse(TxPoolError.InvalidEncoding, TxPoolMessages.InvalidEncoding(fields.Message), tx),
            };
        }

        var gas = TransactionValidator.ValidateGas(tx, spec);
        if (!gas.IsValid)
        {
            return gas.Error == TransactionError.GasLimitBelowCalldataFloor
                ? Refuse(TxPoolError.FloorDataGas, TxPoolMessages.FloorDataGas(tx.GasLimit, IntrinsicGas.CalldataFloor(tx.Data.Span)), tx)
                : Refuse(TxPoolError.IntrinsicGasTooLow, TxPoolMessages.IntrinsicGasTooLow(tx.GasLimit, IntrinsicGas.Calculate(tx, spec)), tx);
        }

        if (tx.GasLimit > rules.BlockGasLimit)
        {
            return Refuse(TxPoolError.ExceedsBlockGasLimit, TxPoolMessages.ExceedsBlockGasLimit, tx);
        }

        return TxPoolResult.Accepted(tx.Hash);
    }

    /// <summary>The checks against the sender's account, in order: EIP-3607, nonce too low, nonce too high, balance.</summary>
    private TxPoolResult CheckAccount(Transaction tx, Address sender, in PoolAccount account, in UInt256 cost, bool costOverflows)
    {
        if (account.Code == AccountCode.Contract)
        {
            return Refuse(TxPoolError.SenderNotEoa, TxPoolMessages.SenderNotEoa(sender), tx);
        }

        if (tx.Nonce < account.Nonce)
        {
            return Refuse(TxPoolError.NonceTooLow, TxPoolMessages.NonceTooLow(account.Nonce, tx.Nonce), tx);
        }

        if (tx.Nonce - account.Nonce > _options.MaxNonceGap)
        {
            return Refuse(TxPoolError.NonceTooHigh, TxPoolMessages.NonceTooHigh(account.Nonce, tx.Nonce, _options.MaxNonceGap), tx);
        }

        if (costOverflows || cost > account.Balance)
        {
            return Refuse(TxPoolError.InsufficientFunds, TxPoolMessages.InsufficientFunds(account.Balance, cost, costOverflows), tx);
        }

        return TxPoolResult.Accepted(tx.Hash);
    }

    /// <summary>The most the transaction can take from its sender: gas limit times maximum fee, plus value.</summary>
    /// <returns>Whether the sum exceeds 256 bits (the product fits: the stateless checks ensured it).</returns>
    private static bool ComputeCost(Transaction tx, out UInt256 cost)
    {
        UInt256.Multiply(new UInt256(tx.GasLimit), tx.MaxFeePerGas, out var fees);
        return UInt256.AddOverflow(fees, tx.Value, out cost);
    }

    private static TxPoolResult Refuse(TxPoolError error, string message, Transaction tx) => TxPoolResult.Refused(error, message, tx.Hash);
}
