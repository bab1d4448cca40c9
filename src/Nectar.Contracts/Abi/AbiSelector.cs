using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Abi;

/// <summary>A 4-byte function or error selector: the first four bytes of the Keccak-256 of the canonical signature.</summary>
[SkipLocalsInit]
public readonly struct AbiSelector : IEquatable<AbiSelector>
{
    /// <summary>Length of a selector in bytes.</summary>
    public const int Length = 4;

    /// <summary>Creates a selector from its four bytes read as a big-endian number.</summary>
    /// <param name="value">The selector, e.g. <c>0xa9059cbb</c>.</param>
    public AbiSelector(uint value) => Value = value;

    /// <summary>The four bytes as a big-endian number.</summary>
    public uint Value { get; }

    /// <summary>The selector of a canonical signature such as <c>transfer(address,uint256)</c>.</summary>
    /// <param name="signature">The canonical signature: name and parameter types, no spaces, no names.</param>
    /// <returns>The first four bytes of its Keccak-256.</returns>
    public static AbiSelector FromSignature(string signature)
    {
        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        HashSignature(signature, hash);
        return new AbiSelector(BinaryPrimitives.ReadUInt32BigEndian(hash));
    }

    /// <summary>Reads the selector at the start of call data or revert data.</summary>
    /// <param name="data">At least four bytes.</param>
    /// <param name="selector">The selector, when present.</param>
    /// <returns><see langword="false"/> when <paramref name="data"/> is shorter than four bytes.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out AbiSelector selector)
    {
        if (data.Length < Length)
        {
            selector = default;
            return false;
        }

        selector = new AbiSelector(BinaryPrimitives.ReadUInt32BigEndian(data));
        return true;
    }

    /// <summary>Parses <c>0x</c> and eight hex digits.</summary>
    /// <param name="text">The text, e.g. <c>0xa9059cbb</c>.</param>
    /// <returns>The selector.</returns>
    /// <exception cref="FormatException">The text is not <c>0x</c> and eight hex digits.</exception>
    public static AbiSelector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != 10 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || !uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"A selector is 0x and eight hex digits, got '{text}'.");
        }

        return new AbiSelector(value);
    }

    /// <summary>Writes the four bytes into the start of <paramref name="destination"/>.</summary>
    /// <param name="destination">At least four bytes.</param>
    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, Value);

    /// <inheritdoc />
    public bool Equals(AbiSelector other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is AbiSelector other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (int)Value;

    /// <summary><c>0x</c> and eight lowercase hex digits.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "0x" + Value.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Whether two selectors are equal.</summary>
    public static bool operator ==(AbiSelector left, AbiSelector right) => left.Equals(right);

    /// <summary>Whether two selectors differ.</summary>
    public static bool operator !=(AbiSelector left, AbiSelector right) => !left.Equals(right);

    /// <summary>The Keccak-256 of a signature's UTF-8 bytes (a selector's source, or an event's topic).</summary>
    internal static Hash256 HashSignature(string signature)
    {
        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        HashSignature(signature, hash);
        return new Hash256(hash);
    }

    private static void HashSignature(string signature, Span<byte> hash)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var length = Encoding.UTF8.GetByteCount(signature);
        byte[]? rented = null;
        var utf8 = length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(signature, utf8);
            Keccak256.Hash(utf8[..written], hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
