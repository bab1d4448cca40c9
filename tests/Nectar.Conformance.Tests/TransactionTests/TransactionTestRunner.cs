using System.Globalization;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;

namespace Nectar.Conformance.Tests.TransactionTests;

/// <summary>
/// Runs one TransactionTests case the way the node treats a transaction: decode, validate for the fork on chain 1
/// (the fixtures' chain), recover the sender with the native secp256k1 binding, then compare with the fixture.
/// </summary>
internal static class TransactionTestRunner
{
    /// <summary>The chain id the fixtures sign for.</summary>
    public const ulong ChainId = 1;

    private static readonly Lazy<TransactionSigner> Signer = new(() => new TransactionSigner(new LibSecp256k1()));

    /// <summary>Whether the fork name is one Nectar has rules for.</summary>
    public static bool IsSupportedFork(string fork) => ForkSpec.TryGet(fork, out _);

    /// <summary>Processes the case's bytes: decoding, validation, sender recovery.</summary>
    public static TransactionTestOutcome Process(TransactionTestCase testCase)
    {
        if (!ForkSpec.TryGet(testCase.Fork, out var spec))
        {
            throw new InvalidOperationException($"No rules for fork {testCase.Fork}.");
        }

        var bytes = Hex.Decode(testCase.TxBytes);
        if (!TransactionCodec.TryDecode(bytes, out var transaction, out var decoding))
        {
            return new TransactionTestOutcome(null, decoding.Error, decoding.Message, null);
        }

        // The order of a client: the type and the signature's form, the sender, then the remaining rules.
        var intrinsicGas = IntrinsicGas.Calculate(transaction, spec);
        var validation = TransactionValidator.ValidateType(transaction, spec);
        if (validation.IsValid)
        {
            validation = TransactionValidator.ValidateSignature(transaction, spec, ChainId);
        }

        if (validation.IsValid && !Signer.Value.TryRecoverSender(transaction, out _))
        {
            return new TransactionTestOutcome(transaction, TransactionError.SenderRecoveryFailed, "No public key recovers from the signature.", intrinsicGas);
        }

        if (validation.IsValid)
        {
            validation = TransactionValidator.ValidateFields(transaction, spec);
        }

        if (validation.IsValid)
        {
            validation = TransactionValidator.ValidateGas(transaction, spec);
        }

        // The parts and the whole agree.
        if (validation != TransactionValidator.Validate(transaction, spec, ChainId))
        {
            throw new InvalidOperationException($"Validate disagrees with its parts for {testCase.Name}.");
        }

        return validation.IsValid
            ? new TransactionTestOutcome(transaction, TransactionError.None, null, intrinsicGas)
            : new TransactionTestOutcome(transaction, validation.Error, validation.Message, intrinsicGas);
    }

    /// <summary>Compares the outcome with the fixture; returns null when they agree, otherwise why not.</summary>
    public static string? Check(TransactionTestCase testCase, TransactionTestOutcome outcome)
    {
        var expected = testCase.Expected;
        if (!expected.IsValid)
        {
            if (outcome.Error == TransactionError.None)
            {
                return $"expected {expected.Exception}, but the transaction was accepted";
            }

            var allowed = TransactionExceptionMap.Allowed(expected.Exception!);
            if (!allowed.Contains(outcome.Error))
            {
                return $"expected {expected.Exception}, rejected for another reason: {outcome.Error}: {outcome.Message}";
            }

            // The fixtures state the intrinsic gas also for rejected transactions that decode.
            if (outcome.IntrinsicGas is { } gas && Quantity(expected.IntrinsicGas) is { } fixtureGas && fixtureGas != 0 && gas != fixtureGas)
            {
                return $"intrinsic gas {gas}, fixture says {fixtureGas}";
            }

            return null;
        }

        if (outcome.Error != TransactionError.None)
        {
            return $"expected a valid transaction, rejected: {outcome.Error}: {outcome.Message}";
        }

        var transaction = outcome.Transaction!;
        if (transaction.Hash != Hash256.Parse(expected.Hash!))
        {
            return $"hash {transaction.Hash}, fixture says {expected.Hash}";
        }

        if (transaction.Sender != Address.Parse(expected.Sender!))
        {
            return $"sender {transaction.Sender}, fixture says {expected.Sender}";
        }

        if (Quantity(expected.IntrinsicGas) is { } intrinsic && intrinsic != outcome.IntrinsicGas)
        {
            return $"intrinsic gas {outcome.IntrinsicGas}, fixture says {intrinsic}";
        }

        // Strict decoding: what decodes is the canonical encoding of itself.
        var reencoded = Hex.ToHexString(TransactionCodec.Encode(transaction));
        return string.Equals(reencoded, testCase.TxBytes, StringComparison.OrdinalIgnoreCase) ? null : $"re-encodes as {reencoded}";
    }

    private static ulong? Quantity(string? hex) => hex is null ? null : (ulong)UInt256.Parse(hex, CultureInfo.InvariantCulture);
}
