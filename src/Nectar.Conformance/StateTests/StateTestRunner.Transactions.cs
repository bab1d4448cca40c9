using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;

namespace Nectar.Conformance.StateTests;

public sealed partial class StateTestRunner
{
    /// <summary>
    /// The transaction a case executes: <c>txbytes</c> decoded with the real codec when the file has them (and
    /// the transaction built from the JSON fields and signed must encode to the same bytes), otherwise the signed
    /// JSON transaction. Returns an error instead when there is nothing valid to execute.
    /// </summary>
    private (Transaction? Transaction, Address Sender, string? Error) PrepareTransaction(StateTestCase testCase, ForkSpec spec)
    {
        var template = testCase.Test.Transaction;
        if (template.HasBlobs)
        {
            return (null, default, "Blob transactions (type 3) are not supported by Nectar.");
        }

        Transaction? decoded = null;
        if (testCase.TransactionBytes is { } bytes)
        {
            if (!TransactionCodec.TryDecode(bytes, out decoded, out var decodeResult))
            {
                return (null, default, $"txbytes do not decode: {decodeResult}");
            }
        }

        var built = Build(template, testCase, decoded);
        Transaction? signed = null;
        if (built is not null)
        {
            signed = _signer.Sign(built, template.SecretKey);
            if (decoded is not null && testCase.ExpectException is null && !TransactionCodec.Encode(signed).AsSpan().SequenceEqual(testCase.TransactionBytes))
            {
                return (null, default, "The transaction built from the JSON fields does not encode to txbytes.");
            }
        }

        var transaction = decoded ?? signed;
        if (transaction is null)
        {
            return (null, default, "The transaction's fields do not fit their types.");
        }

        var signature = TransactionValidator.ValidateSignature(transaction, spec, ChainId);
        if (!signature.IsValid)
        {
            return (null, default, signature.Message);
        }

        return _signer.TryRecoverSender(transaction, out var sender)
            ? (transaction, sender, null)
            : (null, default, "The sender cannot be recovered from the signature.");
    }

    /// <summary>The unsigned transaction the JSON fields describe for this case, or null when a field overflows its type.</summary>
    private static Transaction? Build(StateTestTransaction template, StateTestCase testCase, Transaction? decoded)
    {
        if (template.Nonce is not { } nonce
            || testCase.GasIndex >= template.GasLimit.Count || template.GasLimit[testCase.GasIndex] is not { } gasLimit
            || testCase.ValueIndex >= template.Value.Count || template.Value[testCase.ValueIndex] is not { } value
            || testCase.DataIndex >= template.Data.Count)
        {
            return null;
        }

        var accessList = template.AccessLists is { } lists && testCase.DataIndex < lists.Count ? lists[testCase.DataIndex] : null;
        var type = decoded?.Type ?? (template.AuthorizationList is not null ? TransactionType.SetCode
            : template.MaxFeePerGas is not null ? TransactionType.DynamicFee
            : accessList is not null ? TransactionType.AccessList
            : TransactionType.Legacy);
        var feeMarket = type is TransactionType.DynamicFee or TransactionType.SetCode;
        if (feeMarket ? template.MaxFeePerGas is null || template.MaxPriorityFeePerGas is null : template.GasPrice is null)
        {
            return null;
        }

        var typedOrProtected = type != TransactionType.Legacy || decoded?.ChainId is not null;
        return new Transaction
        {
            Type = type,
            ChainId = typedOrProtected ? ChainId : null,
            Nonce = nonce,
            GasPrice = feeMarket ? template.MaxFeePerGas!.Value : template.GasPrice!.Value,
            MaxPriorityFeePerGas = feeMarket ? template.MaxPriorityFeePerGas!.Value : default,
            GasLimit = gasLimit,
            To = template.To,
            Value = value,
            Data = template.Data[testCase.DataIndex],
            AccessList = accessList ?? [],
            AuthorizationList = template.AuthorizationList ?? [],
        };
    }
}
