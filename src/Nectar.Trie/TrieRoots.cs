using System.Runtime.CompilerServices;
using Nectar.Core.Primitives;

namespace Nectar.Trie;

/// <summary>
/// Roots of sets that are never stored: transactions, receipts and withdrawals (keys <c>rlp(index)</c>), and any
/// key/value set given in no particular order. Built with a per-thread <see cref="TrieRootBuilder"/>, so repeated
/// calls allocate nothing beyond the caller's own data.
/// </summary>
[SkipLocalsInit]
public static class TrieRoots
{
    [ThreadStatic]
    private static TrieRootBuilder? _builder;

    /// <summary>The root of a list, each item keyed by the RLP of its index (transactions root, receipts root, withdrawals root).</summary>
    /// <param name="encodedItems">The items' encodings in list order (for typed transactions and receipts, the type byte followed by the payload).</param>
    /// <returns>The root hash; <see cref="Hash256.EmptyTrieRoot"/> for an empty list.</returns>
    /// <exception cref="ArgumentException">An item is empty.</exception>
    public static Hash256 Ordered(ReadOnlySpan<byte[]> encodedItems)
    {
        var builder = RentBuilder();
        Span<byte> key = stackalloc byte[MaxIndexKeyLength];
        for (var position = 0; position < encodedItems.Length; position++)
        {
            var index = IndexAt(position, encodedItems.Length);
            builder.Add(key[..WriteIndexKey(index, key)], encodedItems[index]);
        }

        return builder.Complete();
    }

    /// <summary>The root of a list of <paramref name="count"/> items encoded on demand by <paramref name="encoder"/>, each keyed by the RLP of its index.</summary>
    /// <typeparam name="TEncoder">The encoder; a struct (or ref struct) encoder is called without boxing.</typeparam>
    /// <param name="count">How many items the list has.</param>
    /// <param name="encoder">Encodes item i; called once per item, in the trie's key order.</param>
    /// <returns>The root hash; <see cref="Hash256.EmptyTrieRoot"/> when <paramref name="count"/> is zero.</returns>
    /// <exception cref="ArgumentException">An encoding is empty.</exception>
    public static Hash256 Ordered<TEncoder>(int count, ref TEncoder encoder)
        where TEncoder : IIndexedItemEncoder, allows ref struct
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var builder = RentBuilder();
        Span<byte> key = stackalloc byte[MaxIndexKeyLength];
        for (var position = 0; position < count; position++)
        {
            var index = IndexAt(position, count);
            builder.Add(key[..WriteIndexKey(index, key)], encoder.Encode(index));
        }

        return builder.Complete();
    }

    /// <summary>The root of a key/value set given in any order.</summary>
    /// <param name="entries">The entries; an empty value means the key is absent and is skipped.</param>
    /// <returns>The root hash.</returns>
    /// <exception cref="ArgumentException">A key occurs twice.</exception>
    public static Hash256 Unordered(IEnumerable<KeyValuePair<byte[], byte[]>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sorted = new List<KeyValuePair<byte[], byte[]>>(entries);
        sorted.Sort(static (a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        var builder = RentBuilder();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0 && sorted[i].Key.AsSpan().SequenceEqual(sorted[i - 1].Key))
            {
                builder.Reset();
                throw new ArgumentException($"The key {Convert.ToHexStringLower(sorted[i].Key)} occurs more than once.", nameof(entries));
            }

            if (sorted[i].Value.Length > 0)
            {
                builder.Add(sorted[i].Key, sorted[i].Value);
            }
        }

        return builder.Complete();
    }

    /// <summary>The longest <c>rlp(index)</c> of an <see cref="int"/> index: a header byte and four bytes.</summary>
    private const int MaxIndexKeyLength = 5;

    /// <summary>
    /// The index of the item at sorted <paramref name="position"/>: <c>rlp(0)</c> is <c>0x80</c>, which sorts after
    /// <c>rlp(1..127)</c> (<c>0x01..0x7f</c>) and before <c>rlp(128..)</c> (<c>0x81..</c> onwards, in index order).
    /// </summary>
    internal static int IndexAt(int position, int count)
    {
        var small = Math.Min(count, 128);
        if (position < small - 1)
        {
            return position + 1;
        }

        return position == small - 1 ? 0 : position;
    }

    private static int WriteIndexKey(int index, Span<byte> destination)
    {
        if (index == 0)
        {
            destination[0] = 0x80;
            return 1;
        }

        if (index < 0x80)
        {
            destination[0] = (byte)index;
            return 1;
        }

        var length = index < 0x100 ? 1 : index < 0x10000 ? 2 : index < 0x1000000 ? 3 : 4;
        destination[0] = (byte)(0x80 + length);
        for (var i = length; i > 0; i--)
        {
            destination[i] = (byte)index;
            index >>= 8;
        }

        return 1 + length;
    }

    private static TrieRootBuilder RentBuilder()
    {
        var builder = _builder ??= new TrieRootBuilder();
        builder.Reset();
        return builder;
    }
}
