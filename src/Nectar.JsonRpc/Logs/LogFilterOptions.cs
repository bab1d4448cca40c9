using System.Text.Json.Serialization;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Logs;

/// <summary>
/// The filter object of <c>eth_getLogs</c>, <c>eth_newFilter</c> and the <c>logs</c> subscription as the client sent
/// it: a block range (<see cref="FromBlock"/>, <see cref="ToBlock"/>) or one block (<see cref="BlockHash"/>), the
/// emitting contracts and the topics per position.
/// </summary>
/// <remarks>
/// Read by <see cref="LogFilterOptionsConverter"/>, which refuses a block hash together with a range, more than four
/// topic positions, and more than <see cref="LogFilterOptionsConverter.MaxAlternatives"/> addresses or topics in one
/// position.
/// </remarks>
[JsonConverter(typeof(LogFilterOptionsConverter))]
public sealed class LogFilterOptions
{
    /// <summary>The first block of the range; <see langword="null"/> means <c>latest</c>.</summary>
    public BlockParameter? FromBlock { get; init; }

    /// <summary>The last block of the range; <see langword="null"/> means <c>latest</c>.</summary>
    public BlockParameter? ToBlock { get; init; }

    /// <summary>The one block to search, instead of a range.</summary>
    public Hash256? BlockHash { get; init; }

    /// <summary>The emitting contracts a log must come from; empty matches every contract.</summary>
    public IReadOnlyList<Address> Addresses { get; init; } = [];

    /// <summary>
    /// Per topic position, the topics accepted there (any of them); a <see langword="null"/> position is a wildcard.
    /// A log must have at least as many topics as there are positions.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Hash256>?> Topics { get; init; } = [];

    /// <summary>Compiles the address and topic criteria into a matcher.</summary>
    /// <returns>The matcher.</returns>
    public LogFilter ToLogFilter() => new(Addresses, Topics);
}
