using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;

namespace Nectar.Chain.Persistence;

/// <summary>A block as the store keeps it in memory: with its receipts and its transactions' senders.</summary>
internal sealed record StoredBlock(Block Block, IReadOnlyList<Receipt> Receipts, IReadOnlyList<Address> Senders);
