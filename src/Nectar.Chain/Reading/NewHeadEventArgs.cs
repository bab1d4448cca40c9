using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;

namespace Nectar.Chain.Reading;

/// <summary>A new canonical head with everything subscribers need to serve it without reading it back.</summary>
/// <param name="block">The block.</param>
/// <param name="receipts">Its receipts, in transaction order.</param>
/// <param name="senders">Its transactions' senders, in transaction order.</param>
public sealed class NewHeadEventArgs(Block block, IReadOnlyList<Receipt> receipts, IReadOnlyList<Address> senders) : EventArgs
{
    /// <summary>The block.</summary>
    public Block Block { get; } = block;

    /// <summary>Its receipts, in transaction order.</summary>
    public IReadOnlyList<Receipt> Receipts { get; } = receipts;

    /// <summary>Its transactions' senders, in transaction order.</summary>
    public IReadOnlyList<Address> Senders { get; } = senders;
}
