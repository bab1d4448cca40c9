using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Chain.TxPool;

namespace Nectar.JsonRpc.Eth;

public sealed partial class EthRpcModule
{
    /// <inheritdoc />
    public RpcTransaction? GetTransactionByHash(Hash256 transactionHash, RpcCallContext context)
    {
        var caller = Caller(context);
        if (_chain.FindTransaction(transactionHash) is { } location && _chain.FindBlock(location.BlockHash) is { } block)
        {
            var sender = Senders(block)[location.Index];
            var transaction = block.Transactions[location.Index];
            return _authorizer.CanSeeTransaction(caller, sender, transaction.To) ? new RpcTransaction(transaction, sender, block.Header, location.Index) : null;
        }

        if (_pool.TryGetTransaction(transactionHash, out var pending) && pending.Sender is { } pendingSender
            && _authorizer.CanSeeTransaction(caller, pendingSender, pending.To))
        {
            return new RpcTransaction(pending, pendingSender, null, 0);
        }

        return null;
    }

    /// <inheritdoc />
    public RpcReceipt? GetTransactionReceipt(Hash256 transactionHash, RpcCallContext context)
    {
        var caller = Caller(context);
        if (_chain.FindTransaction(transactionHash) is not { } location
            || _chain.FindBlock(location.BlockHash) is not { } block
            || _chain.FindReceipts(block.Hash) is not { } receipts)
        {
            return null;
        }

        var sender = Senders(block)[location.Index];
        return _authorizer.CanSeeTransaction(caller, sender, block.Transactions[location.Index].To) ? ReceiptAt(block, receipts, sender, location.Index) : null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The sender is recovered and compared with the session's account before the pool sees the transaction, so no
    /// one submits in another account's name even with that account's signed bytes. Bytes that do not decode, or
    /// whose signature recovers no sender, carry no sender to compare: the pool refuses them with its own text.
    /// </remarks>
    public Hash256 SendRawTransaction(byte[] data, RpcCallContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        var account = Caller(context).Account;
        TxPoolResult result;
        if (!TransactionCodec.TryDecode(data, out var transaction, out _))
        {
            result = _pool.Submit(data);
        }
        else if (!_simulator.Processor.Signer.TryRecoverSender(transaction, out var sender))
        {
            result = _pool.Submit(transaction);
        }
        else if (sender != account)
        {
            throw RpcException.Forbidden(EthErrors.SenderNotCaller);
        }
        else
        {
            result = _pool.Submit(transaction);
        }

        return result.IsAccepted ? result.Hash : throw new RpcException(result.RpcErrorCode, result.Message);
    }
}
