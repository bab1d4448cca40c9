using Nectar.Chain.Reading;
using Nectar.Core.Blocks;
using Nectar.JsonRpc.Json;
using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Logs;

/// <summary>
/// Runs a log query over the stored chain for one caller: one block by hash, or a range of canonical blocks in which
/// only blocks whose bloom may match are read. Shared by <c>eth_getLogs</c> and <c>eth_getFilterLogs</c>.
/// </summary>
internal static class LogQuery
{
    /// <summary>The code other nodes use for a query over their limits (EIP-1474's "limit exceeded").</summary>
    public const int LimitExceededCode = -32005;

    public const string UnknownBlock = "unknown block";
    public const string InvalidRange = "invalid block range params";
    public const string BeyondHead = "block range extends beyond current head block";

    public static List<LogObject> Run(
        IChainReader chain,
        IReadAuthorizer authorizer,
        LogQueryOptions limits,
        LogFilterOptions options,
        LogFilter filter,
        in ReadCaller caller,
        CancellationToken cancellationToken)
    {
        var output = new List<LogObject>();
        if (options.BlockHash is { } hash)
        {
            var block = chain.FindBlock(hash);
            var receipts = block is null ? null : chain.FindReceipts(hash);
            if (block is null || receipts is null)
            {
                throw new RpcException(UnknownBlock);
            }

            if (!new BlockLogView(block, receipts, chain.FindSenders(hash)).Collect(filter, caller, authorizer, output, limits.MaxResults))
            {
                throw TooManyResults(limits);
            }

            return output;
        }

        var head = chain.Head;
        var (from, to) = ResolveRange(chain, head, options.FromBlock, options.ToBlock);
        if (to - from >= limits.MaxBlockRange)
        {
            throw new RpcException(LimitExceededCode, $"query exceeds max block range {limits.MaxBlockRange}");
        }

        for (var number = from; number <= to; number++)
        {
            if ((number & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (chain.FindHeader(number) is not { } header)
            {
                // The head moved back (a development revert) while the query ran: nothing more to read.
                break;
            }

            if (!filter.MayMatch(header.LogsBloom))
            {
                continue;
            }

            var blockHash = header.Hash;
            if (chain.FindBlock(blockHash) is not { } block || chain.FindReceipts(blockHash) is not { } receipts)
            {
                continue;
            }

            if (!new BlockLogView(block, receipts, chain.FindSenders(blockHash)).Collect(filter, caller, authorizer, output, limits.MaxResults))
            {
                throw TooManyResults(limits);
            }
        }

        return output;
    }

    /// <summary>
    /// Resolves a range the way geth does: omitted ends are <c>latest</c>, <c>pending</c> is <c>latest</c>, a reversed
    /// range and a range reaching past the head are invalid params (a <c>fromBlock</c> past the head is refused, as
    /// anvil refuses it, rather than answered with an empty list).
    /// </summary>
    public static (ulong From, ulong To) ResolveRange(IChainReader chain, BlockHeader head, BlockParameter? fromBlock, BlockParameter? toBlock)
    {
        var from = Resolve(chain, head, fromBlock);
        var to = Resolve(chain, head, toBlock);

        // Two explicit numbers the wrong way round are reversed whatever the head (geth's order of checks); otherwise
        // a number past the head is named as such, which is what a client racing the head needs to hear.
        var explicitRange = fromBlock is { Kind: BlockParameterKind.Number } && toBlock is { Kind: BlockParameterKind.Number };
        if (explicitRange && from > to)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, InvalidRange);
        }

        if (from > head.Number || to > head.Number)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, BeyondHead);
        }

        if (from > to)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, InvalidRange);
        }

        return (from, to);
    }

    /// <summary>The block number a bound names; <see langword="null"/> and the head tags name the head.</summary>
    public static ulong Resolve(IChainReader chain, BlockHeader head, BlockParameter? bound) => bound?.Kind switch
    {
        BlockParameterKind.Earliest => 0,
        BlockParameterKind.Number => bound.Value.Number,
        BlockParameterKind.Safe => Math.Min(chain.Safe.Number, head.Number),
        BlockParameterKind.Finalized => Math.Min(chain.Finalized.Number, head.Number),
        _ => head.Number,
    };

    public static RpcException TooManyResults(LogQueryOptions limits) =>
        new(LimitExceededCode, $"query returned more than {limits.MaxResults} results");
}
