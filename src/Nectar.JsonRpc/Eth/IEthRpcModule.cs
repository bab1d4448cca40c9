using System.Text.Json;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Eth;

/// <summary>
/// The <c>eth_</c> namespace, private by default: every read goes through the read authorizer, and a denied read
/// answers exactly as a missing object does (see docs/design/rpc-eth.md for the rule of each method).
/// </summary>
public interface IEthRpcModule
{
    /// <summary>The chain id (EIP-695).</summary>
    /// <returns>The chain id.</returns>
    [JsonRpcMethod("eth_chainId", Description = "Returns the chain id.", IsPublic = true)]
    ulong ChainId();

    /// <summary>The number of the head block.</summary>
    /// <returns>The number.</returns>
    [JsonRpcMethod("eth_blockNumber", Description = "Returns the number of the most recent block.")]
    ulong BlockNumber();

    /// <summary>Whether the node is syncing; a sequencer never is.</summary>
    /// <returns><see langword="false"/>.</returns>
    [JsonRpcMethod("eth_syncing", Description = "Returns false: the node is not syncing.")]
    bool Syncing();

    /// <summary>A block by number or tag, with the caller's visible transactions.</summary>
    /// <param name="block">The block.</param>
    /// <param name="fullTransactions">Whether to return transaction objects rather than hashes.</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The block, or <see langword="null"/> when unknown.</returns>
    [JsonRpcMethod("eth_getBlockByNumber", Description = "Returns a block by number, with the transactions the caller may see.")]
    RpcBlock? GetBlockByNumber(BlockParameter block, bool fullTransactions, RpcCallContext context);

    /// <summary>A block by hash, with the caller's visible transactions.</summary>
    /// <param name="blockHash">The block hash.</param>
    /// <param name="fullTransactions">Whether to return transaction objects rather than hashes.</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The block, or <see langword="null"/> when unknown.</returns>
    [JsonRpcMethod("eth_getBlockByHash", Description = "Returns a block by hash, with the transactions the caller may see.")]
    RpcBlock? GetBlockByHash(Hash256 blockHash, bool fullTransactions, RpcCallContext context);

    /// <summary>The receipts of a block's transactions the caller may see.</summary>
    /// <param name="block">The block (number, tag or hash).</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The receipts, or <see langword="null"/> when the block is unknown.</returns>
    [JsonRpcMethod("eth_getBlockReceipts", Description = "Returns the receipts of the block's transactions the caller may see.")]
    IReadOnlyList<RpcReceipt>? GetBlockReceipts(BlockParameter block, RpcCallContext context);

    /// <summary>How many of a block's transactions the caller may see.</summary>
    /// <param name="block">The block.</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The count, or <see langword="null"/> when the block is unknown.</returns>
    [JsonRpcMethod("eth_getBlockTransactionCountByNumber", Description = "Returns how many of the block's transactions the caller may see.")]
    ulong? GetBlockTransactionCountByNumber(BlockParameter block, RpcCallContext context);

    /// <summary>How many of a block's transactions the caller may see.</summary>
    /// <param name="blockHash">The block hash.</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The count, or <see langword="null"/> when the block is unknown.</returns>
    [JsonRpcMethod("eth_getBlockTransactionCountByHash", Description = "Returns how many of the block's transactions the caller may see.")]
    ulong? GetBlockTransactionCountByHash(Hash256 blockHash, RpcCallContext context);

    /// <summary>The transaction at a position of a block, if the caller may see it.</summary>
    /// <param name="block">The block.</param>
    /// <param name="index">The position in the block.</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The transaction, or <see langword="null"/>.</returns>
    [JsonRpcMethod("eth_getTransactionByBlockNumberAndIndex", Description = "Returns the transaction at a position of a block, if the caller may see it.")]
    RpcTransaction? GetTransactionByBlockNumberAndIndex(BlockParameter block, ulong index, RpcCallContext context);

    /// <summary>The transaction at a position of a block, if the caller may see it.</summary>
    /// <param name="blockHash">The block hash.</param>
    /// <param name="index">The position in the block.</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The transaction, or <see langword="null"/>.</returns>
    [JsonRpcMethod("eth_getTransactionByBlockHashAndIndex", Description = "Returns the transaction at a position of a block, if the caller may see it.")]
    RpcTransaction? GetTransactionByBlockHashAndIndex(Hash256 blockHash, ulong index, RpcCallContext context);

    /// <summary>A transaction by hash, mined or pending, if the caller may see it.</summary>
    /// <param name="transactionHash">The transaction hash.</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The transaction, or <see langword="null"/>.</returns>
    [JsonRpcMethod("eth_getTransactionByHash", Description = "Returns a transaction by hash, if the caller may see it.")]
    RpcTransaction? GetTransactionByHash(Hash256 transactionHash, RpcCallContext context);

    /// <summary>A mined transaction's receipt, if the caller may see the transaction.</summary>
    /// <param name="transactionHash">The transaction hash.</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The receipt, or <see langword="null"/>.</returns>
    [JsonRpcMethod("eth_getTransactionReceipt", Description = "Returns a transaction's receipt, if the caller may see the transaction.")]
    RpcReceipt? GetTransactionReceipt(Hash256 transactionHash, RpcCallContext context);

    /// <summary>An account's balance, if the caller may see the account; zero otherwise.</summary>
    /// <param name="address">The account.</param>
    /// <param name="block">The block.</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The balance in wei.</returns>
    [JsonRpcMethod("eth_getBalance", Description = "Returns an account's balance, if the caller may see the account.")]
    UInt256 GetBalance(Address address, RpcCallContext context, BlockParameter block = default);

    /// <summary>An account's nonce, if the caller may see the account; zero otherwise.</summary>
    /// <param name="address">The account.</param>
    /// <param name="block">The block; <c>pending</c> counts the caller's pooled transactions.</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The nonce.</returns>
    [JsonRpcMethod("eth_getTransactionCount", Description = "Returns an account's nonce, if the caller may see the account.")]
    ulong GetTransactionCount(Address address, RpcCallContext context, BlockParameter block = default);

    /// <summary>An account's code, if the caller may read it; empty otherwise.</summary>
    /// <param name="address">The account.</param>
    /// <param name="block">The block.</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The code.</returns>
    [JsonRpcMethod("eth_getCode", Description = "Returns an account's code, if the caller may read it.")]
    byte[] GetCode(Address address, RpcCallContext context, BlockParameter block = default);

    /// <summary>A storage slot, if the caller may read raw state; zero otherwise.</summary>
    /// <param name="address">The account.</param>
    /// <param name="slot">The slot key: hex of at most 32 bytes.</param>
    /// <param name="block">The block.</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The value as 32 bytes.</returns>
    [JsonRpcMethod("eth_getStorageAt", Description = "Returns a storage slot, if the caller may read raw state.")]
    Hash256 GetStorageAt(Address address, string slot, RpcCallContext context, BlockParameter block = default);

    /// <summary>Merkle proofs of an account and slots (EIP-1186), if the caller may read raw state.</summary>
    /// <param name="address">The account.</param>
    /// <param name="storageKeys">The slot keys.</param>
    /// <param name="context">The call's context.</param>
    /// <param name="block">The block.</param>
    /// <returns>The proofs.</returns>
    [JsonRpcMethod("eth_getProof", Description = "Returns Merkle proofs of an account and storage slots, if the caller may read raw state.")]
    ProofResponse GetProof(Address address, IReadOnlyList<string> storageKeys, RpcCallContext context, BlockParameter block = default);

    /// <summary>Executes a message as the caller without committing it.</summary>
    /// <param name="transaction">The message; <c>from</c>, when given, must be the caller.</param>
    /// <param name="context">The call's context.</param>
    /// <param name="block">The block: <c>latest</c> and <c>pending</c> run as the next block, others in their own block.</param>
    /// <param name="stateOverrides">State overrides; not supported, refused when given.</param>
    /// <returns>The return data.</returns>
    [JsonRpcMethod("eth_call", Description = "Executes a message as the caller without creating a transaction.")]
    byte[] Call(TransactionArgs transaction, RpcCallContext context, BlockParameter block = default, JsonElement? stateOverrides = null);

    /// <summary>The least gas limit with which a message from the caller succeeds.</summary>
    /// <param name="transaction">The message; <c>from</c>, when given, must be the caller.</param>
    /// <param name="context">The call's context.</param>
    /// <param name="block">The block.</param>
    /// <returns>The gas.</returns>
    [JsonRpcMethod("eth_estimateGas", Description = "Estimates the gas a message from the caller needs.")]
    ulong EstimateGas(TransactionArgs transaction, RpcCallContext context, BlockParameter block = default);

    /// <summary>The EIP-2930 access list of a message from the caller.</summary>
    /// <param name="transaction">The message; <c>from</c>, when given, must be the caller.</param>
    /// <param name="context">The call's context.</param>
    /// <param name="block">The block.</param>
    /// <returns>The list and the gas used with it.</returns>
    [JsonRpcMethod("eth_createAccessList", Description = "Creates the access list of a message from the caller.")]
    AccessListResponse CreateAccessList(TransactionArgs transaction, RpcCallContext context, BlockParameter block = default);

    /// <summary>A gas price for a legacy transaction: the next block's base fee plus the suggested tip.</summary>
    /// <returns>The price in wei.</returns>
    [JsonRpcMethod("eth_gasPrice", Description = "Returns a gas price for a legacy transaction.")]
    UInt256 GasPrice();

    /// <summary>A priority fee for a dynamic-fee transaction.</summary>
    /// <returns>The tip in wei.</returns>
    [JsonRpcMethod("eth_maxPriorityFeePerGas", Description = "Returns a priority fee per gas for a dynamic-fee transaction.")]
    UInt256 MaxPriorityFeePerGas();

    /// <summary>Base fees, gas used ratios and tip percentiles of a range of blocks.</summary>
    /// <param name="blockCount">How many blocks (a quantity or a JSON number).</param>
    /// <param name="newestBlock">The newest block of the range.</param>
    /// <param name="rewardPercentiles">Increasing percentiles from 0 to 100.</param>
    /// <returns>The history.</returns>
    [JsonRpcMethod("eth_feeHistory", Description = "Returns base fees, gas used ratios and tip percentiles of a range of blocks.")]
    FeeHistory FeeHistory(JsonElement blockCount, BlockParameter newestBlock, IReadOnlyList<double>? rewardPercentiles = null);

    /// <summary>Submits a signed transaction from the caller's account to the pool.</summary>
    /// <param name="data">The signed transaction's encoding.</param>
    /// <param name="context">The call's context.</param>
    /// <returns>The transaction hash.</returns>
    [JsonRpcMethod("eth_sendRawTransaction", Description = "Submits a signed transaction from the caller's account.")]
    Hash256 SendRawTransaction(byte[] data, RpcCallContext context);

    /// <summary>The accounts the node signs for: none.</summary>
    /// <returns>An empty list.</returns>
    [JsonRpcMethod("eth_accounts", Description = "Returns an empty list: the node holds no keys.")]
    Address[] Accounts();
}
