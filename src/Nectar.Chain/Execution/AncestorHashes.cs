using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Evm;

namespace Nectar.Chain.Execution;

/// <summary>
/// BLOCKHASH for a block: the hashes of its ancestors, found by walking parent links from its parent. The walk
/// happens on demand and each hash is looked up once, so a block that never reads BLOCKHASH pays nothing and one
/// that reads it often pays one walk. It follows the block's own branch, so side branches see their own history.
/// </summary>
/// <remarks>Used by one block's execution, on one thread.</remarks>
public sealed class AncestorHashes : IBlockHashProvider
{
    private readonly IHeaderSource _headers;
    private readonly List<Hash256> _hashes;
    private readonly ulong _parentNumber;
    private BlockHeader? _oldest;

    /// <summary>Creates the provider for the child of <paramref name="parent"/>.</summary>
    /// <param name="parent">The executing block's parent.</param>
    /// <param name="headers">Where the older ancestors are found.</param>
    public AncestorHashes(BlockHeader parent, IHeaderSource headers)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(headers);
        _headers = headers;
        _hashes = [parent.Hash];
        _parentNumber = parent.Number;
        _oldest = parent;
    }

    /// <inheritdoc />
    public Hash256 GetBlockHash(ulong number)
    {
        if (number > _parentNumber)
        {
            return Hash256.Zero;
        }

        var distance = _parentNumber - number;
        while ((ulong)_hashes.Count <= distance)
        {
            if (_oldest is null || _oldest.Number == 0 || _headers.FindHeader(_oldest.ParentHash) is not { } older)
            {
                _oldest = null;
                return Hash256.Zero;
            }

            _hashes.Add(older.Hash);
            _oldest = older;
        }

        return _hashes[(int)distance];
    }
}
