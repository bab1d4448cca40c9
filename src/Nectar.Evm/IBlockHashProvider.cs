using Nectar.Core.Primitives;

namespace Nectar.Evm;

/// <summary>Supplies BLOCKHASH: the hashes of the 256 blocks before the current one.</summary>
public interface IBlockHashProvider
{
    /// <summary>Returns the hash of an ancestor of the current block.</summary>
    /// <param name="number">A block number in [current - 256, current - 1]; the EVM checks the range first.</param>
    /// <returns>The block's hash, or <see cref="Hash256.Zero"/> when unknown.</returns>
    Hash256 GetBlockHash(ulong number);
}
