using Nectar.Core.Specs;

namespace Nectar.Chain.Genesis;

/// <summary>A fork a chain spec schedules after genesis, and the first block timestamp it applies to.</summary>
/// <param name="Fork">The fork.</param>
/// <param name="Timestamp">The first timestamp (seconds) whose blocks follow its rules.</param>
public readonly record struct ForkActivation(Fork Fork, ulong Timestamp);
