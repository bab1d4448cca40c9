using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Nectar.Core.Encoding;

/// <summary>
/// A decoded RLP value as a tree: a byte string or a list of items. For tests, tools and conformance runners;
/// protocol code reads with <see cref="RlpReader"/> and writes with <see cref="RlpWriter"/> instead.
/// </summary>
/// <remarks>Items are immutable and compare by structure and content.</remarks>
public sealed class RlpItem : IEquatable<RlpItem>
{
    private readonly byte[]? _bytes;
    private readonly RlpItem[]? _items;

    private RlpItem(byte[] bytes)
    {
        _bytes = bytes;
        EncodedLength = Rlp.LengthOfBytes(bytes);
    }

    private RlpItem(RlpItem[] items)
    {
        _items = items;
        var contentLength = 0;
        foreach (var item in items)
        {
            contentLength = checked(contentLength + item.EncodedLength);
        }

        ContentLength = contentLength;
        EncodedLength = Rlp.LengthOfList(contentLength);
    }

    /// <summary>The empty byte string, which is also the integer zero.</summary>
    public static RlpItem Empty { get; } = new(Array.Empty<byte>());

    /// <summary>The empty list.</summary>
    public static RlpItem EmptyList { get; } = new(Array.Empty<RlpItem>());

    /// <summary>Whether this item is a list.</summary>
    public bool IsList => _items is not null;

    /// <summary>The payload of a byte string.</summary>
    /// <exception cref="InvalidOperationException">The item is a list.</exception>
    public ReadOnlySpan<byte> Bytes => _bytes ?? throw new InvalidOperationException("An RLP list has no byte payload; read Items.");

    /// <summary>The items of a list.</summary>
    /// <exception cref="InvalidOperationException">The item is a byte string.</exception>
    public IReadOnlyList<RlpItem> Items => _items ?? throw new InvalidOperationException("An RLP byte string has no items; read Bytes.");

    /// <summary>Length of the item's complete encoding.</summary>
    public int EncodedLength { get; }

    /// <summary>For a list, the total encoded length of its items; 0 for a byte string.</summary>
    public int ContentLength { get; }

    /// <summary>A byte string item.</summary>
    /// <param name="bytes">The payload (copied).</param>
    /// <returns>The item.</returns>
    public static RlpItem FromBytes(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? Empty : new RlpItem(bytes.ToArray());

    /// <summary>An integer item: the minimal big-endian bytes of <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The item.</returns>
    public static RlpItem FromUInt64(ulong value)
    {
        Span<byte> bigEndian = stackalloc byte[sizeof(ulong)];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bigEndian, value);
        return FromInteger(bigEndian);
    }

    /// <summary>An integer item from a big-endian value of any width, leading zeros trimmed.</summary>
    /// <param name="bigEndian">The value, big-endian.</param>
    /// <returns>The item.</returns>
    public static RlpItem FromInteger(ReadOnlySpan<byte> bigEndian) => FromBytes(Rlp.TrimLeadingZeros(bigEndian));

    /// <summary>A list item.</summary>
    /// <param name="items">The items, in order.</param>
    /// <returns>The item.</returns>
    public static RlpItem FromList(params ReadOnlySpan<RlpItem> items)
    {
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
        }

        return items.IsEmpty ? EmptyList : new RlpItem(items.ToArray());
    }

    /// <summary>A list item.</summary>
    /// <param name="items">The items, in order.</param>
    /// <returns>The item.</returns>
    public static RlpItem FromList(IEnumerable<RlpItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return FromList([.. items]);
    }

    /// <summary>Decodes exactly one item, checking everything <see cref="Rlp.Validate"/> checks.</summary>
    /// <param name="encoded">The encoding.</param>
    /// <returns>The item tree.</returns>
    /// <exception cref="RlpException">The input is not exactly one canonical item.</exception>
    public static RlpItem Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new RlpReader(encoded);
        var item = Read(ref reader, 0);
        reader.EnsureEnd();
        return item;
    }

    /// <summary>Reads the next item of <paramref name="reader"/> as a tree.</summary>
    /// <param name="reader">The reader to advance by one item.</param>
    /// <returns>The item tree.</returns>
    /// <exception cref="RlpException">The item or anything inside it is malformed or non-canonical.</exception>
    public static RlpItem Read(ref RlpReader reader) => Read(ref reader, 0);

    /// <summary>The payload read as a canonical unsigned integer of at most 8 bytes.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The item is a list.</exception>
    /// <exception cref="RlpException">The payload has a leading zero or more than 8 bytes.</exception>
    public ulong ToUInt64()
    {
        var bytes = Bytes;
        if (bytes.Length > sizeof(ulong))
        {
            throw new RlpException($"RLP integer has {bytes.Length} bytes; at most 8 fit the target type.");
        }

        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new RlpException("RLP integer has a leading zero byte; integers are minimal big-endian.");
        }

        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>Encodes the item.</summary>
    /// <returns>A new array holding the encoding.</returns>
    public byte[] Encode()
    {
        var result = new byte[EncodedLength];
        var writer = new RlpWriter(result);
        WriteTo(ref writer);
        return result;
    }

    /// <summary>Writes the item's encoding.</summary>
    /// <param name="writer">The writer, with at least <see cref="EncodedLength"/> bytes of room.</param>
    public void WriteTo(ref RlpWriter writer)
    {
        if (_bytes is not null)
        {
            writer.WriteBytes(_bytes);
            return;
        }

        writer.WriteListHeader(ContentLength);
        foreach (var item in _items!)
        {
            item.WriteTo(ref writer);
        }
    }

    /// <inheritdoc />
    public bool Equals([NotNullWhen(true)] RlpItem? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || IsList != other.IsList || EncodedLength != other.EncodedLength)
        {
            return false;
        }

        if (_bytes is not null)
        {
            return _bytes.AsSpan().SequenceEqual(other._bytes);
        }

        var items = _items!;
        var otherItems = other._items!;
        if (items.Length != otherItems.Length)
        {
            return false;
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (!items[i].Equals(otherItems[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as RlpItem);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsList);
        if (_bytes is not null)
        {
            hash.AddBytes(_bytes);
        }
        else
        {
            foreach (var item in _items!)
            {
                hash.Add(item.GetHashCode());
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>A readable form: byte strings as <c>0x…</c> hex, lists as <c>[a, b]</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        if (_bytes is not null)
        {
            builder.Append(Hex.ToHexString(_bytes));
            return;
        }

        builder.Append('[');
        for (var i = 0; i < _items!.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            _items[i].Append(builder);
        }

        builder.Append(']');
    }

    private static RlpItem Read(ref RlpReader reader, int depth)
    {
        if (!reader.IsList)
        {
            return FromBytes(reader.ReadBytes());
        }

        if (depth == Rlp.MaxDepth)
        {
            RlpErrors.TooDeep(reader.Origin + reader.Position, Rlp.MaxDepth);
        }

        var content = reader.ReadList();
        if (!content.HasMore)
        {
            return EmptyList;
        }

        var items = new List<RlpItem>();
        while (content.HasMore)
        {
            items.Add(Read(ref content, depth + 1));
        }

        return new RlpItem([.. items]);
    }
}
