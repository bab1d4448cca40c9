using System.Runtime.CompilerServices;
using System.Text.Json;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Core.Transactions;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Eth;

/// <summary>
/// Writes blocks, transactions, receipts and logs in the execution-apis shapes, straight from the chain's own types
/// (no intermediate objects): member order as go-ethereum writes it, fields a type lacks left out, quantities without
/// leading zeros.
/// </summary>
[SkipLocalsInit]
internal static class EthJsonWriter
{
    public static void Quantity(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ulong value)
    {
        writer.WritePropertyName(name);
        JsonHex.WriteQuantity(writer, value);
    }

    public static void Quantity(Utf8JsonWriter writer, ReadOnlySpan<byte> name, in UInt256 value)
    {
        writer.WritePropertyName(name);
        QuantityValue(writer, value);
    }

    public static void QuantityValue(Utf8JsonWriter writer, in UInt256 value)
    {
        Span<byte> text = stackalloc byte[66];
        value.TryFormatHexQuantity(text, out var written);
        writer.WriteStringValue(text[..written]);
    }

    public static void Data(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<byte> data)
    {
        writer.WritePropertyName(name);
        JsonHex.WriteData(writer, data);
    }

    public static void AddressValue(Utf8JsonWriter writer, Address value)
    {
        Span<byte> text = stackalloc byte[Core.Primitives.Address.TextLength];
        value.TryFormat(text, out _);
        writer.WriteStringValue(text);
    }

    public static void Address(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Address? value)
    {
        writer.WritePropertyName(name);
        if (value is { } address)
        {
            AddressValue(writer, address);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public static void HashValue(Utf8JsonWriter writer, in Hash256 value)
    {
        Span<byte> text = stackalloc byte[Hash256.TextLength];
        value.TryFormat(text, out _);
        writer.WriteStringValue(text);
    }

    public static void Hash(Utf8JsonWriter writer, ReadOnlySpan<byte> name, in Hash256 value)
    {
        writer.WritePropertyName(name);
        HashValue(writer, value);
    }

    /// <summary>A transaction object: its block's coordinates (null while pending), the fields of its type, the signature.</summary>
    public static void Transaction(Utf8JsonWriter writer, Transaction transaction, Address sender, BlockHeader? header, int index)
    {
        writer.WriteStartObject();
        if (header is not null)
        {
            Hash(writer, "blockHash"u8, header.Hash);
            Quantity(writer, "blockNumber"u8, header.Number);
            Quantity(writer, "blockTimestamp"u8, header.Timestamp);
        }
        else
        {
            writer.WriteNull("blockHash"u8);
            writer.WriteNull("blockNumber"u8);
            writer.WriteNull("blockTimestamp"u8);
        }

        Address(writer, "from"u8, sender);
        Quantity(writer, "gas"u8, transaction.GasLimit);
        Quantity(writer, "gasPrice"u8, GasPrice(transaction, header));
        if (transaction.HasFeeMarket)
        {
            Quantity(writer, "maxFeePerGas"u8, transaction.MaxFeePerGas);
            Quantity(writer, "maxPriorityFeePerGas"u8, transaction.MaxPriorityFeePerGas);
        }

        Hash(writer, "hash"u8, transaction.Hash);
        Data(writer, "input"u8, transaction.Data.Span);
        Quantity(writer, "nonce"u8, transaction.Nonce);
        Address(writer, "to"u8, transaction.To);
        if (header is not null)
        {
            Quantity(writer, "transactionIndex"u8, (ulong)index);
        }
        else
        {
            writer.WriteNull("transactionIndex"u8);
        }

        Quantity(writer, "value"u8, transaction.Value);
        Quantity(writer, "type"u8, (ulong)transaction.Type);
        if (transaction.HasAccessList)
        {
            writer.WritePropertyName("accessList"u8);
            AccessList(writer, transaction.AccessList.AsSpan());
        }

        if (transaction.ChainId is { } chainId)
        {
            Quantity(writer, "chainId"u8, chainId);
        }

        if (transaction.Type == TransactionType.SetCode)
        {
            writer.WritePropertyName("authorizationList"u8);
            writer.WriteStartArray();
            foreach (var authorization in transaction.AuthorizationList)
            {
                writer.WriteStartObject();
                Quantity(writer, "chainId"u8, authorization.ChainId);
                Address(writer, "address"u8, authorization.Address);
                Quantity(writer, "nonce"u8, authorization.Nonce);
                Quantity(writer, "yParity"u8, authorization.YParity);
                Quantity(writer, "r"u8, authorization.R);
                Quantity(writer, "s"u8, authorization.S);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        Quantity(writer, "v"u8, transaction.V);
        Quantity(writer, "r"u8, transaction.R);
        Quantity(writer, "s"u8, transaction.S);
        if (transaction.IsTyped)
        {
            Quantity(writer, "yParity"u8, transaction.V);
        }

        writer.WriteEndObject();
    }

    public static void AccessList(Utf8JsonWriter writer, ReadOnlySpan<AccessListItem> items)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            writer.WriteStartObject();
            Address(writer, "address"u8, item.Address);
            writer.WritePropertyName("storageKeys"u8);
            writer.WriteStartArray();
            foreach (var key in item.StorageKeys)
            {
                HashValue(writer, key);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// What a transaction pays per gas: its gas price, or for the fee-market types the price its block charged
    /// (base fee plus the tip its cap allows); a pending one shows its cap, as go-ethereum does.
    /// </summary>
    public static UInt256 GasPrice(Transaction transaction, BlockHeader? header)
    {
        if (!transaction.HasFeeMarket || header?.BaseFeePerGas is not { } baseFee)
        {
            return transaction.MaxFeePerGas;
        }

        return UInt256.AddOverflow(baseFee, transaction.MaxPriorityFeePerGas, out var withTip) || withTip > transaction.MaxFeePerGas
            ? transaction.MaxFeePerGas
            : withTip;
    }

    /// <summary>A receipt: the transaction's coordinates, its gas (its own and the block's so far), its logs and outcome.</summary>
    public static void Receipt(Utf8JsonWriter writer, in ReceiptContext context)
    {
        var transaction = context.Transaction;
        var receipt = context.Receipt;
        writer.WriteStartObject();
        Hash(writer, "blockHash"u8, context.Header.Hash);
        Quantity(writer, "blockNumber"u8, context.Header.Number);
        Address(writer, "contractAddress"u8, transaction.IsContractCreation ? Core.Primitives.Address.Create(context.Sender, transaction.Nonce) : null);
        Quantity(writer, "cumulativeGasUsed"u8, receipt.CumulativeGasUsed);
        Quantity(writer, "effectiveGasPrice"u8, GasPrice(transaction, context.Header));
        Address(writer, "from"u8, context.Sender);
        Quantity(writer, "gasUsed"u8, receipt.CumulativeGasUsed - context.PreviousCumulativeGasUsed);
        writer.WritePropertyName("logs"u8);
        writer.WriteStartArray();
        var logs = receipt.Logs;
        for (var i = 0; i < logs.Length; i++)
        {
            Log(writer, logs[i], context.Header, transaction.Hash, context.Index, context.FirstLogIndex + i);
        }

        writer.WriteEndArray();
        Data(writer, "logsBloom"u8, receipt.Bloom.Bytes);
        if (receipt.PostState is { } root)
        {
            Hash(writer, "root"u8, root);
        }
        else
        {
            Quantity(writer, "status"u8, receipt.Success ? 1UL : 0UL);
        }

        Address(writer, "to"u8, transaction.To);
        Hash(writer, "transactionHash"u8, transaction.Hash);
        Quantity(writer, "transactionIndex"u8, (ulong)context.Index);
        Quantity(writer, "type"u8, (ulong)transaction.Type);
        writer.WriteEndObject();
    }

    /// <summary>A log with its position: block, transaction, and its index among all the block's logs.</summary>
    public static void Log(Utf8JsonWriter writer, LogEntry log, BlockHeader header, in Hash256 transactionHash, int transactionIndex, int logIndex)
    {
        writer.WriteStartObject();
        Address(writer, "address"u8, log.Address);
        writer.WritePropertyName("topics"u8);
        writer.WriteStartArray();
        foreach (var topic in log.Topics)
        {
            HashValue(writer, topic);
        }

        writer.WriteEndArray();
        Data(writer, "data"u8, log.Data.Span);
        Quantity(writer, "blockNumber"u8, header.Number);
        Hash(writer, "transactionHash"u8, transactionHash);
        Quantity(writer, "transactionIndex"u8, (ulong)transactionIndex);
        Hash(writer, "blockHash"u8, header.Hash);
        Quantity(writer, "blockTimestamp"u8, header.Timestamp);
        Quantity(writer, "logIndex"u8, (ulong)logIndex);
        writer.WriteBoolean("removed"u8, false);
        writer.WriteEndObject();
    }

    /// <summary>A block: every header field its fork has, in go-ethereum's (alphabetical) order, and the transactions given.</summary>
    public static void Block(Utf8JsonWriter writer, RpcBlock view)
    {
        var block = view.Block;
        var header = block.Header;
        writer.WriteStartObject();
        if (header.BaseFeePerGas is { } baseFee)
        {
            Quantity(writer, "baseFeePerGas"u8, baseFee);
        }

        if (header.BlobGasUsed is { } blobGasUsed)
        {
            Quantity(writer, "blobGasUsed"u8, blobGasUsed);
        }

        Quantity(writer, "difficulty"u8, header.Difficulty);
        if (header.ExcessBlobGas is { } excessBlobGas)
        {
            Quantity(writer, "excessBlobGas"u8, excessBlobGas);
        }

        Data(writer, "extraData"u8, header.ExtraData.Span);
        Quantity(writer, "gasLimit"u8, header.GasLimit);
        Quantity(writer, "gasUsed"u8, header.GasUsed);
        Hash(writer, "hash"u8, header.Hash);
        Data(writer, "logsBloom"u8, view.LogsBloom.Bytes);
        Address(writer, "miner"u8, header.Beneficiary);
        Hash(writer, "mixHash"u8, header.MixHash);
        Span<byte> nonce = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(nonce, header.Nonce);
        Data(writer, "nonce"u8, nonce);
        Quantity(writer, "number"u8, header.Number);
        if (header.ParentBeaconBlockRoot is { } beaconRoot)
        {
            Hash(writer, "parentBeaconBlockRoot"u8, beaconRoot);
        }

        Hash(writer, "parentHash"u8, header.ParentHash);
        Hash(writer, "receiptsRoot"u8, header.ReceiptsRoot);
        if (header.RequestsHash is { } requestsHash)
        {
            Hash(writer, "requestsHash"u8, requestsHash);
        }

        Hash(writer, "sha3Uncles"u8, header.OmmersHash);
        Quantity(writer, "size"u8, (ulong)BlockCodec.GetEncodedLength(block));
        Hash(writer, "stateRoot"u8, header.StateRoot);
        Quantity(writer, "timestamp"u8, header.Timestamp);
        writer.WritePropertyName("transactions"u8);
        writer.WriteStartArray();
        var transactions = block.Transactions;
        foreach (var index in view.VisibleIndexes)
        {
            if (view.FullTransactions)
            {
                Transaction(writer, transactions[index], view.Senders[index], header, index);
            }
            else
            {
                HashValue(writer, transactions[index].Hash);
            }
        }

        writer.WriteEndArray();
        Hash(writer, "transactionsRoot"u8, header.TransactionsRoot);
        writer.WritePropertyName("uncles"u8);
        writer.WriteStartArray();
        foreach (var ommer in block.Ommers)
        {
            HashValue(writer, ommer.Hash);
        }

        writer.WriteEndArray();
        if (block.Withdrawals is { } withdrawals)
        {
            writer.WritePropertyName("withdrawals"u8);
            writer.WriteStartArray();
            foreach (var withdrawal in withdrawals)
            {
                writer.WriteStartObject();
                Quantity(writer, "index"u8, withdrawal.Index);
                Quantity(writer, "validatorIndex"u8, withdrawal.ValidatorIndex);
                Address(writer, "address"u8, withdrawal.Address);
                Quantity(writer, "amount"u8, withdrawal.AmountInGwei);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (header.WithdrawalsRoot is { } withdrawalsRoot)
        {
            Hash(writer, "withdrawalsRoot"u8, withdrawalsRoot);
        }

        writer.WriteEndObject();
    }
}
