using Nectar.Core.Primitives;
using Nectar.Trie.Nodes;

namespace Nectar.Trie;

/// <summary>Root computation: only dirty nodes are encoded and hashed.</summary>
public sealed partial class PatriciaTrie
{
    /// <summary>
    /// From this many changed keys on, the subtrees of the top branch are hashed in parallel; below it the thread
    /// hand-off costs more than it saves.
    /// </summary>
    private const int ParallelHashThreshold = 256;

    /// <summary>
    /// The root hash: keccak of the root node's RLP, or <see cref="Hash256.EmptyTrieRoot"/> for the empty trie.
    /// Computing it encodes and hashes the nodes changed since the last computation and caches their hashes.
    /// </summary>
    public Hash256 RootHash
    {
        get
        {
            var root = _root;
            if (root is null)
            {
                return Hash256.EmptyTrieRoot;
            }

            if (!root.Reference.IsSet)
            {
                if (_changesSinceHash >= ParallelHashThreshold && Environment.ProcessorCount > 1)
                {
                    NodeHasher.HashParallel(root);
                }
                else
                {
                    NodeHasher.Hash(root);
                }
            }

            _changesSinceHash = 0;

            // A root shorter than 32 bytes is still identified by its hash, unlike an embedded child.
            return root.Reference.ToStorageHash();
        }
    }
}
