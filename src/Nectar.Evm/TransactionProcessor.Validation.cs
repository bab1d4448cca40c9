using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Evm;

public sealed partial class TransactionProcessor
{
    /// <summary>
    /// The stateless rules (type enabled, fields, intrinsic gas and the EIP-7623 floor), then the state: block gas,
    /// nonce, EIP-3607 sender, base fee, and a balance covering gas limit times maximum fee plus value.
    /// </summary>
    /// <returns>The rejection, or <see langword="null"/> when the transaction may execute.</returns>
    private TransactionResult? Validate(Transaction transaction, Address sender)
    {
        var stateless = TransactionValidator.ValidateType(transaction, Spec);
        if (stateless.IsValid)
        {
            stateless = TransactionValidator.ValidateFields(transaction, Spec);
        }

        if (stateless.IsValid)
        {
            stateless = TransactionValidator.ValidateGas(transaction, Spec);
        }

        if (!stateless.IsValid)
        {
            return TransactionResult.Rejected(TransactionRejection.InvalidTransaction, stateless.Message ?? stateless.Error.ToString(), stateless.Error);
        }

        if (transaction.GasLimit > (ulong)GasAvailable)
        {
            return TransactionResult.Rejected(
                TransactionRejection.BlockGasExceeded, $"Gas limit {transaction.GasLimit} exceeds the {GasAvailable} gas the block has left.");
        }

        var nonce = World.GetNonce(sender);
        if (transaction.Nonce < nonce)
        {
            return TransactionResult.Rejected(TransactionRejection.NonceTooLow, $"Nonce {transaction.Nonce} is below the sender's nonce {nonce}.");
        }

        if (transaction.Nonce > nonce)
        {
            return TransactionResult.Rejected(TransactionRejection.NonceTooHigh, $"Nonce {transaction.Nonce} is above the sender's nonce {nonce}.");
        }

        if (nonce == ulong.MaxValue)
        {
            return TransactionResult.Rejected(TransactionRejection.NonceAtMaximum, "The sender's nonce is 2^64 - 1.");
        }

        if (!HasOnlyDelegationOrNoCode(World, sender))
        {
            return TransactionResult.Rejected(TransactionRejection.SenderNotEoa, $"Sender {sender} has code (EIP-3607).");
        }

        if (Spec.IsEip1559Enabled && transaction.MaxFeePerGas < Block.BaseFee)
        {
            return TransactionResult.Rejected(
                TransactionRejection.MaxFeeBelowBaseFee, $"Maximum fee {transaction.MaxFeePerGas} is below the base fee {Block.BaseFee}.");
        }

        // The stateless rules guarantee gas limit times maximum fee fits in 256 bits; adding the value may not.
        var cost = new UInt256(transaction.GasLimit) * transaction.MaxFeePerGas;
        if (UInt256.AddOverflow(cost, transaction.Value, out var total) || World.GetBalance(sender) < total)
        {
            return TransactionResult.Rejected(
                TransactionRejection.InsufficientFunds, $"Sender balance {World.GetBalance(sender)} does not cover gas and value {cost} + {transaction.Value}.");
        }

        return null;
    }
}
