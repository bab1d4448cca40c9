namespace Nectar.Chain.Reading;

/// <summary>
/// Notifications of chain changes, for subscriptions and filters. Raised by the block producer (or importer)
/// after the block is stored and readable through <see cref="IChainReader"/>; handlers run on the producer's
/// thread, so they must be quick and must not throw (queue the work).
/// </summary>
public interface IChainEvents
{
    /// <summary>A block became the new canonical head.</summary>
    event EventHandler<NewHeadEventArgs>? NewHead;

    /// <summary>The head moved back (a development revert): blocks above <see cref="ChainRevertedEventArgs.NewHeadNumber"/> are gone.</summary>
    event EventHandler<ChainRevertedEventArgs>? Reverted;
}
