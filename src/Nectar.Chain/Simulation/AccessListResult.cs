using System.Collections.Immutable;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Simulation;

/// <summary>What <c>eth_createAccessList</c> answers: the accounts and slots a message touches, and its gas with that list.</summary>
/// <param name="AccessList">The access list, accounts and keys in the order first touched.</param>
/// <param name="Execution">The last execution, with the list applied (its gas used, and its error if it failed).</param>
public sealed record AccessListResult(ImmutableArray<AccessListItem> AccessList, SimulationResult Execution);
