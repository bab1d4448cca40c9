namespace Nectar.Trie;

/// <summary>
/// Encodes the items of a list on demand for <see cref="TrieRoots.Ordered{TEncoder}(int, ref TEncoder)"/>, so the
/// caller can encode each transaction or receipt into one reused buffer instead of an array per item.
/// </summary>
public interface IIndexedItemEncoder
{
    /// <summary>Encodes the item at <paramref name="index"/>.</summary>
    /// <param name="index">The item's position in the list (not the order of the calls, which follows the trie's key order).</param>
    /// <returns>The encoding, which needs to stay valid only until the next call.</returns>
    ReadOnlySpan<byte> Encode(int index);
}
