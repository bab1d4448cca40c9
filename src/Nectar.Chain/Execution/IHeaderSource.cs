using Nectar.Core.Blocks;
using Nectar.Core.Primitives;

namespace Nectar.Chain.Execution;

/// <summary>Finds known block headers by hash (a block tree, a database of headers).</summary>
public interface IHeaderSource
{
    /// <summary>Finds a header.</summary>
    /// <param name="hash">The block hash.</param>
    /// <returns>The header, or <see langword="null"/> when the block is unknown.</returns>
    BlockHeader? FindHeader(in Hash256 hash);
}
