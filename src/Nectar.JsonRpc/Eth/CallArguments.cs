using System.Collections.Immutable;
using System.Globalization;
using Nectar.Chain.Simulation;
using Nectar.Core.Transactions;
using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Eth;

/// <summary>
/// Turns the wire's transaction object into a simulation request that runs as the caller, and simulation failures into
/// JSON-RPC errors. The eth and debug modules share it, so <c>from</c> is decided in one place.
/// </summary>
internal static class CallArguments
{
    /// <summary>
    /// The request, running as the caller's account: an absent <c>from</c> is the caller, another one is refused
    /// (through <see cref="IReadAuthorizer.CanCallAs"/>, never by a check of its own).
    /// </summary>
    public static CallRequest ToRequest(TransactionArgs? args, in ReadCaller caller, IReadAuthorizer authorizer, ulong chainId)
    {
        if (args is null)
        {
            throw RpcException.InvalidParams("transaction", "must be an object");
        }

        if (!authorizer.CanCallAs(caller, args.From))
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, EthErrors.FromNotCaller);
        }

        if (args.Data is { } data && args.Input is { } input && !data.AsSpan().SequenceEqual(input))
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, EthErrors.DataAndInputDiffer);
        }

        if (args.BlobVersionedHashes is { Count: > 0 })
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, EthErrors.BlobsUnsupported);
        }

        if (args.ChainId is { } chain && chain != chainId)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, EthErrors.ChainIdMismatch(chain.ToString(null, CultureInfo.InvariantCulture), chainId));
        }

        return new CallRequest
        {
            From = caller.Account,
            To = args.To,
            Gas = args.Gas,
            GasPrice = args.GasPrice,
            MaxFeePerGas = args.MaxFeePerGas,
            MaxPriorityFeePerGas = args.MaxPriorityFeePerGas,
            Value = args.Value ?? default,
            Data = args.Input ?? args.Data ?? [],
            AccessList = ToAccessList(args.AccessList),
            AuthorizationList = ToAuthorizations(args.AuthorizationList),
        };
    }

    public static ImmutableArray<AccessListItem> ToAccessList(IReadOnlyList<AccessListEntry>? entries)
    {
        if (entries is null || entries.Count == 0)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<AccessListItem>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry is null)
            {
                throw RpcException.InvalidParams("accessList", "entries must be objects");
            }

            builder.Add(new AccessListItem(entry.Address, [.. entry.StorageKeys ?? []]));
        }

        return builder.MoveToImmutable();
    }

    public static List<AccessListEntry> FromAccessList(ImmutableArray<AccessListItem> items)
    {
        var entries = new List<AccessListEntry>(items.Length);
        foreach (var item in items)
        {
            entries.Add(new AccessListEntry { Address = item.Address, StorageKeys = [.. item.StorageKeys] });
        }

        return entries;
    }

    private static ImmutableArray<Authorization> ToAuthorizations(IReadOnlyList<AuthorizationEntry>? entries)
    {
        if (entries is null || entries.Count == 0)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<Authorization>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry is null || entry.YParity > byte.MaxValue)
            {
                throw RpcException.InvalidParams("authorizationList", "entries must be objects with a yParity of 0 or 1");
            }

            builder.Add(new Authorization(entry.ChainId, entry.Address, entry.Nonce, (byte)entry.YParity, entry.R, entry.S));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>A simulation that could not run, as the JSON-RPC error go-ethereum gives for it.</summary>
    public static RpcException ToRpcError(SimulationException exception) => exception.Error == SimulationError.InvalidRequest
        ? new RpcException(RpcErrorCodes.InvalidParams, exception.Message)
        : new RpcException(RpcErrorCodes.ServerError, exception.Message);

    /// <summary>A failed execution: a revert is error 3 with its data and reason, any other halt go-ethereum's text.</summary>
    public static RpcException ToRpcError(SimulationResult result) => result.Reverted
        ? RpcException.Reverted(result.Output, result.RevertReason)
        : new RpcException(RpcErrorCodes.ServerError, result.ErrorMessage ?? "execution failed");
}
