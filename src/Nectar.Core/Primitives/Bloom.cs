using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;

namespace Nectar.Core.Primitives;

/// <summary>
/// The 2048-bit logs bloom of receipts and block headers, held inline (256 bytes, no heap).
/// </summary>
/// <remarks>
/// Per the Yellow Paper (M3:2048), an item sets three bits: for each of the first three byte pairs of its
/// Keccak-256, the low 11 bits of the pair (big-endian) index a bit counted from the least significant end of
/// the 256-byte big-endian number. A log adds its address and each topic. The struct is mutable: keep it in a
/// local or field and call the <c>Add</c> methods on that variable.
/// </remarks>
[SkipLocalsInit]
public struct Bloom : IEquatable<Bloom>, ISpanFormattable
{
    /// <summary>Length of a bloom in bytes.</summary>
    public const int Length = 256;

    /// <summary>Length of the text form: <c>0x</c> and 512 hex digits.</summary>
    public const int TextLength = 2 + (2 * Length);

    private BloomWords _words;

    /// <summary>Creates a bloom from its 256 bytes.</summary>
    /// <param name="bytes">The bloom as stored in headers and receipts.</param>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 256 bytes long.</exception>
    public Bloom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A Bloom needs exactly 256 bytes, got {bytes.Length}.", nameof(bytes));
        }

        bytes.CopyTo(WritableBytes);
    }

    /// <summary>The empty bloom, matching nothing.</summary>
    public static Bloom Empty => default;

    /// <summary>The 256 bytes of the bloom, a view of this value (no copy).</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> Bytes => MemoryMarshal.AsBytes<ulong>(_words);

    [UnscopedRef]
    private Span<byte> WritableBytes => MemoryMarshal.AsBytes((Span<ulong>)_words);

    /// <summary>Whether no bit is set.</summary>
    public readonly bool IsEmpty => Bytes.IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Adds an arbitrary item (a log's address or topic bytes).</summary>
    /// <param name="item">The item's bytes, hashed to choose the bits.</param>
    public void Add(ReadOnlySpan<byte> item) => SetBits(Keccak256.Compute(item));

    /// <summary>Adds a log's emitting address.</summary>
    /// <param name="address">The address.</param>
    public void Add(Address address) => Add(address.Bytes);

    /// <summary>Adds a log topic.</summary>
    /// <param name="topic">The topic.</param>
    public void Add(Hash256 topic) => Add(topic.Bytes);

    /// <summary>Adds a whole log: its address and every topic.</summary>
    /// <param name="address">The emitting contract.</param>
    /// <param name="topics">The log's topics.</param>
    public void AddLog(Address address, ReadOnlySpan<Hash256> topics)
    {
        Add(address);
        foreach (var topic in topics)
        {
            Add(topic);
        }
    }

    /// <summary>Sets every bit that is set in <paramref name="other"/> (a block's bloom accumulates its receipts').</summary>
    /// <param name="other">The bloom to merge in.</param>
    public void Accumulate(in Bloom other)
    {
        Span<ulong> words = _words;
        ReadOnlySpan<ulong> otherWords = other._words;
        for (var i = 0; i < words.Length; i++)
        {
            words[i] |= otherWords[i];
        }
    }

    /// <summary>Whether every bit of <paramref name="filter"/> is also set here.</summary>
    /// <param name="filter">The bits to look for, e.g. a query's bloom.</param>
    /// <returns><see langword="true"/> when this bloom may contain everything <paramref name="filter"/> does.</returns>
    public readonly bool Matches(in Bloom filter)
    {
        ReadOnlySpan<ulong> words = _words;
        ReadOnlySpan<ulong> filterWords = filter._words;
        for (var i = 0; i < words.Length; i++)
        {
            if ((words[i] & filterWords[i]) != filterWords[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the three bits of <paramref name="item"/> are all set (false positives are possible).</summary>
    /// <param name="item">The item's bytes.</param>
    /// <returns><see langword="false"/> when the item was certainly never added.</returns>
    public readonly bool Matches(ReadOnlySpan<byte> item)
    {
        var hash = Keccak256.Compute(item);
        var digest = hash.Bytes;
        var bytes = Bytes;
        for (var i = 0; i < 6; i += 2)
        {
            var (index, mask) = BitOf(digest[i], digest[i + 1]);
            if ((bytes[index] & mask) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the bloom may contain a log from <paramref name="address"/>.</summary>
    /// <param name="address">The address.</param>
    /// <returns><see langword="false"/> when the address was certainly never added.</returns>
    public readonly bool Matches(Address address) => Matches(address.Bytes);

    /// <summary>Whether the bloom may contain <paramref name="topic"/>.</summary>
    /// <param name="topic">The topic.</param>
    /// <returns><see langword="false"/> when the topic was certainly never added.</returns>
    public readonly bool Matches(Hash256 topic) => Matches(topic.Bytes);

    /// <inheritdoc />
    public readonly bool Equals(Bloom other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override readonly bool Equals([NotNullWhen(true)] object? obj) => obj is Bloom other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>Whether two blooms have the same bits.</summary>
    public static bool operator ==(Bloom left, Bloom right) => left.Equals(right);

    /// <summary>Whether two blooms differ in any bit.</summary>
    public static bool operator !=(Bloom left, Bloom right) => !left.Equals(right);

    /// <summary>The bloom as <c>0x</c> and 512 lowercase hex digits.</summary>
    /// <returns>The text form.</returns>
    public override readonly string ToString() => Hex.ToHexString(Bytes);

    /// <summary>The bloom as <c>0x</c> and 512 lowercase hex digits; the format and provider are ignored.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The text form.</returns>
    public readonly string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes <c>0x</c> and 512 lowercase hex digits; the format and provider are ignored.</summary>
    /// <param name="destination">Receives the 514 characters.</param>
    /// <param name="charsWritten">514, or 0 when the destination is too short.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns><see langword="false"/> when the destination is too short.</returns>
    public readonly bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Hex.TryEncode(Bytes, destination, out charsWritten);

    /// <summary>Parses <c>0x</c> followed by exactly 512 hex digits.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The bloom.</returns>
    /// <exception cref="FormatException">The text is not <c>0x</c> and 512 hex digits; the message says why.</exception>
    public static Bloom Parse(ReadOnlySpan<char> text)
    {
        var bloom = default(Bloom);
        var error = FixedHex.TryDecode(text, bloom.WritableBytes);
        return error == FixedHex.Error.None ? bloom : throw new FormatException(FixedHex.Describe(error, text, nameof(Bloom), Length));
    }

    /// <summary>Parses <c>0x</c> followed by exactly 512 hex digits.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="bloom">The bloom, or empty on failure.</param>
    /// <returns>Whether the text was a valid bloom.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Bloom bloom)
    {
        bloom = default;
        if (FixedHex.TryDecode(text, bloom.WritableBytes) == FixedHex.Error.None)
        {
            return true;
        }

        bloom = default;
        return false;
    }

    private void SetBits(in Hash256 hash)
    {
        var digest = hash.Bytes;
        var bytes = WritableBytes;
        for (var i = 0; i < 6; i += 2)
        {
            var (index, mask) = BitOf(digest[i], digest[i + 1]);
            bytes[index] |= mask;
        }
    }

    /// <summary>Byte index and mask of the bit chosen by one big-endian byte pair of an item's hash.</summary>
    private static (int Index, byte Mask) BitOf(byte high, byte low)
    {
        var bit = ((high << 8) | low) & 2047;
        return (Length - 1 - (bit >> 3), (byte)(1 << (bit & 7)));
    }
}
