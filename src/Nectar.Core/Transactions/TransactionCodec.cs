using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;

namespace Nectar.Core.Transactions;

/// <summary>
/// The transaction encodings: the canonical (network) form, the form inside a block body, and the signing
/// hash of every supported type.
/// </summary>
/// <remarks>
/// <para>
/// Canonical form: a legacy transaction is an RLP list; a typed transaction is its type byte followed by the
/// RLP list of its fields (EIP-2718). The transaction hash is Keccak-256 of this form, and it is the value
/// stored in the transactions trie. Inside a block body a typed transaction is wrapped in an RLP byte string;
/// a legacy one stays a list.
/// </para>
/// <para>
/// Signing hash: Keccak-256 of the unsigned fields, <c>[nonce, gasPrice, gasLimit, to, value, data]</c> for a
/// legacy transaction without a chain id, those fields and <c>chainId, 0, 0</c> with one (EIP-155), and
/// <c>type || rlp([...fields without the signature])</c> for a typed transaction.
/// </para>
/// <para>Encoders size their output exactly first and write once; hashing encodes on the stack or into a pooled buffer.</para>
/// </remarks>
[SkipLocalsInit]
public static partial class TransactionCodec
{
    /// <summary>Encodings up to this size are hashed from a stack buffer rather than a pooled array.</summary>
    private const int StackEncodingLimit = 512;

    /// <summary>Length of the canonical encoding.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <returns>The number of bytes <see cref="Encode(Transaction, Span{byte})"/> writes.</returns>
    public static int GetEncodedLength(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var list = Rlp.LengthOfList(ContentLength(transaction, signed: true));
        return transaction.IsTyped ? 1 + list : list;
    }

    /// <summary>Encodes the canonical form into a new array.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <returns>The encoding.</returns>
    public static byte[] Encode(Transaction transaction)
    {
        var result = new byte[GetEncodedLength(transaction)];
        Encode(transaction, result);
        return result;
    }

    /// <summary>Writes the canonical form into the start of <paramref name="destination"/>.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="destination">At least <see cref="GetEncodedLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public static int Encode(Transaction transaction, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var contentLength = ContentLength(transaction, signed: true);
        var length = Rlp.LengthOfList(contentLength) + (transaction.IsTyped ? 1 : 0);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; the transaction needs {length}.", nameof(destination));
        }

        var writer = new RlpWriter(destination[..length]);
        WriteCanonical(ref writer, transaction, contentLength, signed: true);
        return length;
    }

    /// <summary>Length of the transaction as an item of a block body's transaction list.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <returns>The canonical length, plus a string header for a typed transaction.</returns>
    public static int GetBlockBodyLength(Transaction transaction)
    {
        var canonical = GetEncodedLength(transaction);
        return transaction.IsTyped ? Rlp.LengthOfHeader(canonical) + canonical : canonical;
    }

    /// <summary>
    /// Writes the transaction as an item of a block body's transaction list: a legacy transaction as its list,
    /// a typed transaction as a byte string holding its canonical form.
    /// </summary>
    /// <param name="writer">The writer, with at least <see cref="GetBlockBodyLength"/> bytes of room.</param>
    /// <param name="transaction">The transaction.</param>
    public static void WriteForBlockBody(ref RlpWriter writer, Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var contentLength = ContentLength(transaction, signed: true);
        if (transaction.IsTyped)
        {
            writer.WriteBytesHeader(1 + Rlp.LengthOfList(contentLength));
        }

        WriteCanonical(ref writer, transaction, contentLength, signed: true);
    }

    /// <summary>Keccak-256 of the canonical encoding: the transaction hash.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <returns>The hash (also available, cached, as <see cref="Transaction.Hash"/>).</returns>
    public static Hash256 ComputeHash(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return HashOf(transaction, signed: true);
    }

    /// <summary>The hash the sender signs: see the remarks of <see cref="TransactionCodec"/> for each type.</summary>
    /// <param name="transaction">The transaction; its signature fields are ignored.</param>
    /// <returns>The signing hash.</returns>
    public static Hash256 ComputeSigningHash(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return HashOf(transaction, signed: false);
    }

    /// <summary>The unsigned fields, encoded exactly as <see cref="ComputeSigningHash"/> hashes them.</summary>
    /// <param name="transaction">The transaction; its signature fields are ignored.</param>
    /// <returns>The signing payload.</returns>
    public static byte[] EncodeForSigning(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var contentLength = ContentLength(transaction, signed: false);
        var result = new byte[Rlp.LengthOfList(contentLength) + (transaction.IsTyped ? 1 : 0)];
        var writer = new RlpWriter(result);
        WriteCanonical(ref writer, transaction, contentLength, signed: false);
        return result;
    }

    private static Hash256 HashOf(Transaction transaction, bool signed)
    {
        var contentLength = ContentLength(transaction, signed);
        var length = Rlp.LengthOfList(contentLength) + (transaction.IsTyped ? 1 : 0);
        if (length <= StackEncodingLimit)
        {
            Span<byte> buffer = stackalloc byte[StackEncodingLimit];
            var writer = new RlpWriter(buffer[..length]);
            WriteCanonical(ref writer, transaction, contentLength, signed);
            return Keccak256.Compute(buffer[..length]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var writer = new RlpWriter(rented.AsSpan(0, length));
            WriteCanonical(ref writer, transaction, contentLength, signed);
            return Keccak256.Compute(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Writes the optional type byte and the field list.</summary>
    private static void WriteCanonical(ref RlpWriter writer, Transaction transaction, int contentLength, bool signed)
    {
        if (transaction.IsTyped)
        {
            writer.WriteEncoded([(byte)transaction.Type]);
        }

        writer.WriteListHeader(contentLength);
        WriteContent(ref writer, transaction, signed);
    }

    /// <summary>Total encoded length of the fields inside the list (signed: with v, r, s; unsigned: as signed over).</summary>
    private static int ContentLength(Transaction tx, bool signed)
    {
        var length = Rlp.LengthOfUInt64(tx.Nonce)
            + Rlp.LengthOfUInt64(tx.GasLimit)
            + Rlp.LengthOfOptionalAddress(tx.To)
            + Rlp.LengthOfUInt256(tx.Value)
            + Rlp.LengthOfBytes(tx.Data.Span);

        length += tx.HasFeeMarket
            ? Rlp.LengthOfUInt256(tx.MaxPriorityFeePerGas) + Rlp.LengthOfUInt256(tx.MaxFeePerGas)
            : Rlp.LengthOfUInt256(tx.GasPrice);

        if (tx.IsTyped)
        {
            length += Rlp.LengthOfUInt256(tx.ChainId.GetValueOrDefault());
            length += Rlp.LengthOfList(AccessListContentLength(tx.AccessList));
            if (tx.Type == TransactionType.SetCode)
            {
                length += Rlp.LengthOfList(AuthorizationListContentLength(tx.AuthorizationList));
            }
        }

        if (signed)
        {
            length += Rlp.LengthOfUInt256(tx.V) + Rlp.LengthOfUInt256(tx.R) + Rlp.LengthOfUInt256(tx.S);
        }
        else if (!tx.IsTyped && tx.ChainId is { } chainId)
        {
            // EIP-155: chainId, 0, 0 in place of v, r, s.
            length += Rlp.LengthOfUInt256(chainId) + 2;
        }

        return length;
    }

    private static void WriteContent(ref RlpWriter writer, Transaction tx, bool signed)
    {
        if (tx.IsTyped)
        {
            writer.WriteUInt256(tx.ChainId.GetValueOrDefault());
        }

        writer.WriteUInt64(tx.Nonce);
        if (tx.HasFeeMarket)
        {
            writer.WriteUInt256(tx.MaxPriorityFeePerGas);
            writer.WriteUInt256(tx.MaxFeePerGas);
        }
        else
        {
            writer.WriteUInt256(tx.GasPrice);
        }

        writer.WriteUInt64(tx.GasLimit);
        writer.WriteOptionalAddress(tx.To);
        writer.WriteUInt256(tx.Value);
        writer.WriteBytes(tx.Data.Span);

        if (tx.IsTyped)
        {
            WriteAccessList(ref writer, tx.AccessList);
            if (tx.Type == TransactionType.SetCode)
            {
                WriteAuthorizationList(ref writer, tx.AuthorizationList);
            }
        }

        if (signed)
        {
            writer.WriteUInt256(tx.V);
            writer.WriteUInt256(tx.R);
            writer.WriteUInt256(tx.S);
        }
        else if (!tx.IsTyped && tx.ChainId is { } chainId)
        {
            writer.WriteUInt256(chainId);
            writer.WriteUInt64(0);
            writer.WriteUInt64(0);
        }
    }

    private static int AccessListContentLength(ImmutableArray<AccessListItem> accessList)
    {
        var length = 0;
        foreach (var item in accessList)
        {
            length = checked(length + AccessListItemLength(item));
        }

        return length;
    }

    private static int AccessListItemLength(in AccessListItem item) =>
        Rlp.LengthOfList(Rlp.LengthOfAddress + Rlp.LengthOfList(checked(item.StorageKeys.Length * Rlp.LengthOfHash256)));

    private static void WriteAccessList(ref RlpWriter writer, ImmutableArray<AccessListItem> accessList)
    {
        writer.WriteListHeader(AccessListContentLength(accessList));
        foreach (var item in accessList)
        {
            var keys = item.StorageKeys;
            var keysLength = keys.Length * Rlp.LengthOfHash256;
            writer.WriteListHeader(Rlp.LengthOfAddress + Rlp.LengthOfList(keysLength));
            writer.WriteAddress(item.Address);
            writer.WriteListHeader(keysLength);
            foreach (var key in keys)
            {
                writer.WriteHash256(key);
            }
        }
    }

    private static int AuthorizationListContentLength(ImmutableArray<Authorization> authorizations)
    {
        var length = 0;
        foreach (var authorization in authorizations)
        {
            length = checked(length + Rlp.LengthOfList(AuthorizationContentLength(authorization)));
        }

        return length;
    }

    private static int AuthorizationContentLength(in Authorization authorization) =>
        Rlp.LengthOfUInt256(authorization.ChainId)
        + Rlp.LengthOfAddress
        + Rlp.LengthOfUInt64(authorization.Nonce)
        + Rlp.LengthOfUInt64(authorization.YParity)
        + Rlp.LengthOfUInt256(authorization.R)
        + Rlp.LengthOfUInt256(authorization.S);

    private static void WriteAuthorizationList(ref RlpWriter writer, ImmutableArray<Authorization> authorizations)
    {
        writer.WriteListHeader(AuthorizationListContentLength(authorizations));
        foreach (var authorization in authorizations)
        {
            writer.WriteListHeader(AuthorizationContentLength(authorization));
            writer.WriteUInt256(authorization.ChainId);
            writer.WriteAddress(authorization.Address);
            writer.WriteUInt64(authorization.Nonce);
            writer.WriteUInt64(authorization.YParity);
            writer.WriteUInt256(authorization.R);
            writer.WriteUInt256(authorization.S);
        }
    }
}
