namespace Nectar.JsonRpc.Logs;

/// <summary>A development revert as filters and subscriptions receive it.</summary>
/// <param name="NewHeadNumber">The head after the revert.</param>
/// <param name="PreviousHeadNumber">The head before it.</param>
/// <param name="Removed">The reverted blocks still remembered, newest first, with their logs marked removed.</param>
internal sealed record ChainRevert(ulong NewHeadNumber, ulong PreviousHeadNumber, IReadOnlyList<BlockLogView> Removed);
