using System.Globalization;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Chain.TxPool;

/// <summary>
/// The refusal texts. Each starts with go-ethereum's text for the same failure, because clients classify pool
/// errors by message: ethers maps "insufficient funds", "nonce ... too low", "replacement transaction underpriced"
/// and "only replay-protected"; viem and alloy (cast, forge) match the same phrases and "nonce too high",
/// "intrinsic gas too low", "exceeds block gas limit", "already known". Details follow a colon, as in go-ethereum.
/// Built only on refusal, so acceptance allocates no text.
/// </summary>
internal static class TxPoolMessages
{
    public const string AlreadyKnown = "already known";
    public const string ReplacementUnderpriced = "replacement transaction underpriced";
    public const string TxPoolFull = "txpool is full";
    public const string ExceedsBlockGasLimit = "exceeds block gas limit";
    public const string UnprotectedTransaction = "only replay-protected (EIP-155) transactions allowed over RPC";
    public const string InvalidSignature = "invalid sender: invalid transaction v, r, s values";
    public const string InvalidSender = "invalid sender: no public key recovers from the signature";
    public const string NonceMax = "nonce has max value";
    public const string SetCodeCreation = "EIP-7702 transaction cannot be used to create contract";
    public const string EmptyAuthorizationList = "EIP-7702 transaction with empty auth list";
    public const string FeeCapTooHigh = "max fee per gas higher than 2^256-1 when multiplied by the gas limit";

    private static CultureInfo Invariant => CultureInfo.InvariantCulture;

    public static string OversizedData(int size, int limit) =>
        string.Create(Invariant, $"oversized data: transaction size {size}, limit {limit}");

    public static string InvalidEncoding(string detail) => "invalid transaction encoding: " + detail;

    public static string TypeNotSupported(string detail) => "transaction type not supported: " + detail;

    public static string TypeNotEnabled(TransactionType type, string fork)
    {
        var eip = type switch
        {
            TransactionType.AccessList => "EIP-2930",
            TransactionType.DynamicFee => "EIP-1559",
            TransactionType.SetCode => "EIP-7702",
            _ => "legacy",
        };
        return string.Create(Invariant, $"transaction type not supported: type {(byte)type} ({eip}) is not enabled in {fork}");
    }

    public static string InvalidChainId(UInt256 have, ulong want) =>
        string.Create(Invariant, $"invalid sender: invalid chain id for signer: have {have} want {want}");

    public static string TipAboveFeeCap(in UInt256 tip, in UInt256 feeCap) =>
        string.Create(Invariant, $"max priority fee per gas higher than max fee per gas: maxPriorityFeePerGas: {tip}, maxFeePerGas: {feeCap}");

    public static string MaxInitCodeSizeExceeded(int size, int limit) =>
        string.Create(Invariant, $"max initcode size exceeded: code size {size}, limit {limit}");

    public static string IntrinsicGasTooLow(ulong gas, ulong needed) =>
        string.Create(Invariant, $"intrinsic gas too low: gas {gas}, minimum needed {needed}");

    public static string FloorDataGas(ulong gas, ulong needed) =>
        string.Create(Invariant, $"insufficient gas for floor data gas cost: gas {gas}, minimum needed {needed}");

    public static string SenderNotAdmitted(string reason) => "sender not admitted: " + reason;

    public static string SenderNotEoa(Address sender) => string.Create(Invariant, $"sender not an eoa: address {sender}");

    public static string NonceTooLow(ulong next, ulong nonce) =>
        string.Create(Invariant, $"nonce too low: next nonce {next}, tx nonce {nonce}");

    public static string NonceTooHigh(ulong next, ulong nonce, ulong maxGap) =>
        string.Create(Invariant, $"nonce too high: next nonce {next}, tx nonce {nonce}, max gap {maxGap}");

    public static string InsufficientFunds(in UInt256 balance, in UInt256 cost, bool costOverflows)
    {
        if (costOverflows)
        {
            return string.Create(Invariant, $"insufficient funds for gas * price + value: balance {balance}, tx cost above 2^256-1");
        }

        var overshot = cost - balance;
        return string.Create(Invariant, $"insufficient funds for gas * price + value: balance {balance}, tx cost {cost}, overshot {overshot}");
    }

    public static string AccountLimitExceeded(int pooled) =>
        string.Create(Invariant, $"account limit exceeded: pooled {pooled} txs");
}
