using System.Collections.Immutable;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;

namespace Nectar.Chain.Tests.TxPool.Support;

/// <summary>Real transactions signed with the native secp256k1, as the node signs and recovers them.</summary>
internal static class TxFactory
{
    public const ulong ChainId = 1337;

    public const ulong Gwei = 1_000_000_000;

    public static readonly Address Recipient = Address.Parse("0x00000000000000000000000000000000000000aa");

    /// <summary>One native context for the test assembly, as the node uses one; released when the process ends.</summary>
    public static readonly LibSecp256k1 Secp256k1 = new();

    public static readonly TransactionSigner Signer = new(Secp256k1);

    public static Transaction DynamicFee(
        TestAccount from,
        ulong nonce,
        ulong maxFeeGwei = 10,
        ulong tipGwei = 1,
        ulong gas = 21_000,
        UInt256 value = default,
        byte[]? data = null,
        ulong chainId = ChainId,
        bool creation = false) =>
        Signer.Sign(
            new Transaction
            {
                Type = TransactionType.DynamicFee,
                ChainId = chainId,
                Nonce = nonce,
                MaxFeePerGas = maxFeeGwei * Gwei,
                MaxPriorityFeePerGas = tipGwei * Gwei,
                GasLimit = gas,
                To = creation ? null : Recipient,
                Value = value,
                Data = data ?? [],
            },
            from.Key);

    /// <summary>A dynamic-fee transaction with fees in wei, for exact price checks.</summary>
    public static Transaction DynamicFeeWei(TestAccount from, ulong nonce, UInt256 maxFee, UInt256 tip, ulong gas = 21_000) =>
        Signer.Sign(
            new Transaction
            {
                Type = TransactionType.DynamicFee,
                ChainId = ChainId,
                Nonce = nonce,
                MaxFeePerGas = maxFee,
                MaxPriorityFeePerGas = tip,
                GasLimit = gas,
                To = Recipient,
            },
            from.Key);

    /// <summary>A legacy transaction; <paramref name="chainId"/> null signs without EIP-155 (v = 27 or 28).</summary>
    public static Transaction Legacy(TestAccount from, ulong nonce, ulong gasPriceGwei = 10, ulong? chainId = ChainId, ulong gas = 21_000) =>
        Signer.Sign(
            new Transaction
            {
                Type = TransactionType.Legacy,
                ChainId = chainId is { } id ? new UInt256(id) : null,
                Nonce = nonce,
                GasPrice = gasPriceGwei * Gwei,
                GasLimit = gas,
                To = Recipient,
            },
            from.Key);

    public static Transaction AccessList(TestAccount from, ulong nonce, ulong gasPriceGwei = 10) =>
        Signer.Sign(
            new Transaction
            {
                Type = TransactionType.AccessList,
                ChainId = ChainId,
                Nonce = nonce,
                GasPrice = gasPriceGwei * Gwei,
                GasLimit = 30_000,
                To = Recipient,
                AccessList = [new AccessListItem(Recipient, [Hash256.Zero])],
            },
            from.Key);

    /// <summary>An EIP-7702 transaction delegating the sender to <see cref="Recipient"/>.</summary>
    public static Transaction SetCode(TestAccount from, ulong nonce, bool withAuthorization = true, bool creation = false)
    {
        var authorizations = withAuthorization
            ? ImmutableArray.Create(Signer.SignAuthorization(ChainId, Recipient, nonce + 1, from.Key))
            : [];
        return Signer.Sign(
            new Transaction
            {
                Type = TransactionType.SetCode,
                ChainId = ChainId,
                Nonce = nonce,
                MaxFeePerGas = 10 * Gwei,
                MaxPriorityFeePerGas = 1 * Gwei,
                GasLimit = 100_000,
                To = creation ? null : Recipient,
                AuthorizationList = authorizations,
            },
            from.Key);
    }

    public static byte[] Encode(Transaction transaction) => TransactionCodec.Encode(transaction);

    /// <summary>Gas limit times maximum fee plus value.</summary>
    public static UInt256 Cost(Transaction transaction) => (new UInt256(transaction.GasLimit) * transaction.MaxFeePerGas) + transaction.Value;
}
