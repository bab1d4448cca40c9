using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;

namespace Nectar.Trie.Nodes;

/// <summary>
/// How a parent refers to a child: the keccak of the child's encoding when that encoding is 32 bytes or longer,
/// otherwise the encoding itself, embedded in the parent. Both fit in 32 inline bytes, so caching a node's
/// reference never allocates.
/// </summary>
/// <remarks><c>default</c> is the unset reference: the node changed since it was last hashed.</remarks>
internal struct NodeReference
{
    private Bytes32 _bytes;
    private byte _length;

    /// <summary>Whether the reference has been computed (the node is clean).</summary>
    public readonly bool IsSet => _length != 0;

    /// <summary>Whether the reference is a hash (the encoding is at least 32 bytes), not an embedded encoding.</summary>
    public readonly bool IsHash => _length == Bytes32.Length;

    /// <summary>The bytes of the hash, or of the embedded encoding.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> Bytes => ((ReadOnlySpan<byte>)_bytes)[.._length];

    /// <summary>How many bytes the reference takes inside the parent's RLP: 33 for a hash, the encoding's length otherwise.</summary>
    public readonly int EncodedLength => _length == Bytes32.Length ? 1 + Bytes32.Length : _length;

    /// <summary>Sets the reference of a node whose RLP encoding is <paramref name="encoding"/>.</summary>
    /// <param name="encoding">The node's complete RLP.</param>
    public void SetFromEncoding(ReadOnlySpan<byte> encoding)
    {
        Debug.Assert(!encoding.IsEmpty, "A node encoding is never empty.");
        if (encoding.Length >= Bytes32.Length)
        {
            Keccak256.Hash(encoding, _bytes);
            _length = Bytes32.Length;
        }
        else
        {
            encoding.CopyTo(_bytes);
            _length = (byte)encoding.Length;
        }
    }

    /// <summary>Sets the reference to a known node hash.</summary>
    /// <param name="hash">The hash of the node's encoding.</param>
    public void SetHash(in Hash256 hash)
    {
        hash.CopyTo(_bytes);
        _length = Bytes32.Length;
    }

    /// <summary>Marks the reference as not computed.</summary>
    public void Clear() => _length = 0;

    /// <summary>The reference as a hash; only valid when <see cref="IsHash"/>.</summary>
    /// <returns>The hash.</returns>
    public readonly Hash256 ToHash()
    {
        Debug.Assert(IsHash, "Only a hash reference converts to a hash.");
        return new Hash256(_bytes);
    }

    /// <summary>The hash under which the node is stored: the reference itself, or the keccak of a short encoding (roots).</summary>
    /// <returns>The storage hash.</returns>
    public readonly Hash256 ToStorageHash() => IsHash ? ToHash() : Keccak256.Compute(Bytes);

    /// <summary>Writes the reference as an item of the parent's RLP list.</summary>
    /// <param name="destination">Room for <see cref="EncodedLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public readonly int WriteTo(Span<byte> destination)
    {
        if (_length == Bytes32.Length)
        {
            destination[0] = 0x80 + Bytes32.Length;
            ((ReadOnlySpan<byte>)_bytes).CopyTo(destination[1..]);
            return 1 + Bytes32.Length;
        }

        Bytes.CopyTo(destination);
        return _length;
    }
}
