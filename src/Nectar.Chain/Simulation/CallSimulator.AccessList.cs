using System.Collections.Immutable;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Evm.Precompiles;

namespace Nectar.Chain.Simulation;

public sealed partial class CallSimulator
{
    /// <summary>
    /// The EIP-2930 access list of a message: it runs with a tracer recording every account and slot it touches,
    /// then again with that list applied, until the list stops growing. The sender, the recipient, the created
    /// contract and the precompiles are warm anyway and appear only when a slot of theirs is touched.
    /// </summary>
    /// <param name="request">The message; its own access list is the starting point.</param>
    /// <param name="block">Where it runs.</param>
    /// <returns>The list and the last execution (its gas used with the list, and its failure if it failed).</returns>
    /// <exception cref="SimulationException">The message cannot run.</exception>
    public AccessListResult CreateAccessList(CallRequest request, SimulationBlock block)
    {
        ArgumentNullException.ThrowIfNull(request);
        var environment = Prepare(block);
        var gas = request.Gas is { } requested ? Math.Min(requested, environment.GasCap) : environment.GasCap;

        var excluded = new HashSet<Address> { request.From };
        if (request.To is { } to)
        {
            excluded.Add(to);
        }
        else
        {
            var nonce = environment.State.TryGetAccount(request.From, out var sender) ? sender.Nonce : 0;
            excluded.Add(Address.Create(request.From, nonce));
        }

        foreach (var precompile in new PrecompileSet(environment.Spec, _processor.Secp256k1).Addresses)
        {
            excluded.Add(precompile);
        }

        var list = request.AccessList.IsDefault ? [] : request.AccessList;
        for (var iteration = 0; ; iteration++)
        {
            var tracer = new AccessListTracer(list, excluded);
            var result = Run(environment, request.WithAccessList(list), gas, tracer);
            var found = tracer.ToAccessList();
            if (SameSize(found, list) || iteration + 1 >= Options.MaxAccessListIterations)
            {
                return new AccessListResult(found, result);
            }

            list = found;
        }
    }

    /// <summary>The tracer only adds to the list it starts from, so an unchanged list is one of the same size.</summary>
    private static bool SameSize(ImmutableArray<AccessListItem> found, ImmutableArray<AccessListItem> previous)
    {
        if (found.Length != previous.Length)
        {
            return false;
        }

        var keys = 0;
        foreach (var item in found)
        {
            keys += item.StorageKeys.Length;
        }

        foreach (var item in previous)
        {
            keys -= item.StorageKeys.Length;
        }

        return keys == 0;
    }
}
