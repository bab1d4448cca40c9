namespace Nectar.Chain.Reading;

/// <summary>The head moved back to an earlier block.</summary>
/// <param name="newHeadNumber">The number of the block that is the head now.</param>
/// <param name="previousHeadNumber">The number of the head before the revert.</param>
public sealed class ChainRevertedEventArgs(ulong newHeadNumber, ulong previousHeadNumber) : EventArgs
{
    /// <summary>The number of the block that is the head now.</summary>
    public ulong NewHeadNumber { get; } = newHeadNumber;

    /// <summary>The number of the head before the revert.</summary>
    public ulong PreviousHeadNumber { get; } = previousHeadNumber;
}
