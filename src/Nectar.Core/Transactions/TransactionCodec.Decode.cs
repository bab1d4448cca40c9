using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Core.Transactions;

public static partial class TransactionCodec
{
    private const int LegacyFieldCount = 9;
    private const int AccessListFieldCount = 11;
    private const int DynamicFeeFieldCount = 12;
    private const int SetCodeFieldCount = 13;
    private const byte BlobTransactionType = 3;

    /// <summary>
    /// Decodes the canonical form: an RLP list (legacy) or a type byte followed by an RLP list. Decoding is
    /// strict: the RLP must be canonical, the field count exact, each field of its kind and size, and nothing may
    /// follow the transaction.
    /// </summary>
    /// <param name="encoded">The encoding.</param>
    /// <returns>The transaction, its sender not yet recovered.</returns>
    /// <exception cref="TransactionDecodingException">The input is not a transaction; <see cref="TransactionDecodingException.Error"/> says why.</exception>
    public static Transaction Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            throw new TransactionDecodingException(TransactionError.InvalidRlp, "An empty input is not a transaction.");
        }

        var type = TypeOf(encoded[0]);
        var fields = default(FieldReader);
        try
        {
            var reader = new RlpReader(encoded);
            if (type != TransactionType.Legacy)
            {
                // The type byte is below 0x80, so it reads as a one-byte RLP string; offsets stay those of the input.
                reader.Skip();
            }

            var content = reader.ReadList();
            reader.EnsureEnd();
            fields = new FieldReader(content, FieldCount(type));
            var transaction = type == TransactionType.Legacy ? ReadLegacy(ref fields) : ReadTyped(ref fields, type);
            fields.EnsureEnd();
            return transaction;
        }
        catch (RlpException e)
        {
            var where = fields.Field is null ? string.Empty : $" in field '{fields.Field}'";
            throw new TransactionDecodingException(TransactionError.InvalidRlp, $"Invalid {Describe(type)} transaction RLP{where}: {e.Message}", e);
        }
    }

    /// <summary>Decodes the canonical form, reporting failure instead of throwing.</summary>
    /// <param name="encoded">The encoding.</param>
    /// <param name="transaction">The transaction, or <see langword="null"/> on failure.</param>
    /// <param name="result">Valid, or the reason the input is not a transaction.</param>
    /// <returns>Whether the input decoded.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out Transaction? transaction, out TransactionValidationResult result)
    {
        try
        {
            transaction = Decode(encoded);
            result = TransactionValidationResult.Valid;
            return true;
        }
        catch (TransactionDecodingException e)
        {
            transaction = null;
            result = TransactionValidationResult.Invalid(e.Error, e.Message);
            return false;
        }
    }

    /// <summary>
    /// Reads one item of a block body's transaction list: a legacy transaction's list, or a byte string holding
    /// a typed transaction's canonical form.
    /// </summary>
    /// <param name="reader">A reader positioned at the item; it is advanced past it.</param>
    /// <returns>The transaction.</returns>
    /// <exception cref="TransactionDecodingException">The item is not a transaction.</exception>
    public static Transaction ReadFromBlockBody(ref RlpReader reader)
    {
        ReadOnlySpan<byte> item;
        bool isList;
        try
        {
            isList = reader.IsList;
            item = isList ? reader.ReadEncodedItem() : reader.ReadBytes();
        }
        catch (RlpException e)
        {
            throw new TransactionDecodingException(TransactionError.InvalidRlp, $"Invalid transaction item in a block body: {e.Message}", e);
        }

        if (!isList && (item.IsEmpty || item[0] >= 0x80))
        {
            throw new TransactionDecodingException(
                TransactionError.InvalidRlp,
                "A byte string in a block body's transaction list must hold a typed transaction (a type byte below 0x80 and its fields).");
        }

        return Decode(item);
    }

    private static TransactionType TypeOf(byte first)
    {
        if (first >= 0xC0)
        {
            return TransactionType.Legacy;
        }

        if (first >= 0x80)
        {
            throw new TransactionDecodingException(
                TransactionError.InvalidRlp,
                $"A transaction is an RLP list (legacy) or a type byte below 0x80 and a list; the input starts with the string header 0x{first:x2}.");
        }

        return first switch
        {
            (byte)TransactionType.AccessList => TransactionType.AccessList,
            (byte)TransactionType.DynamicFee => TransactionType.DynamicFee,
            (byte)TransactionType.SetCode => TransactionType.SetCode,
            BlobTransactionType => throw new TransactionDecodingException(
                TransactionError.BlobTransactionsNotSupported,
                "Blob transactions (type 3) are not supported: Nectar does not carry EIP-4844 blobs."),
            _ => throw new TransactionDecodingException(
                TransactionError.UnsupportedType,
                $"Transaction type 0x{first:x2} is not supported; Nectar knows legacy, 0x01 (EIP-2930), 0x02 (EIP-1559) and 0x04 (EIP-7702)."),
        };
    }

    private static int FieldCount(TransactionType type) => type switch
    {
        TransactionType.Legacy => LegacyFieldCount,
        TransactionType.AccessList => AccessListFieldCount,
        TransactionType.DynamicFee => DynamicFeeFieldCount,
        _ => SetCodeFieldCount,
    };

    private static string Describe(TransactionType type) => type switch
    {
        TransactionType.Legacy => "legacy",
        TransactionType.AccessList => "EIP-2930",
        TransactionType.DynamicFee => "EIP-1559",
        _ => "EIP-7702",
    };

    private static Transaction ReadLegacy(ref FieldReader fields)
    {
        var nonce = fields.ReadUInt64("nonce", TransactionError.NonceOverflow);
        var gasPrice = fields.ReadUInt256("gasPrice", TransactionError.GasPriceOverflow);
        var gasLimit = fields.ReadUInt64("gasLimit", TransactionError.GasLimitOverflow);
        var to = fields.ReadOptionalAddress("to");
        var value = fields.ReadUInt256("value", TransactionError.ValueOverflow);
        var data = fields.ReadBytes("data").ToArray();
        var v = fields.ReadUInt256("v", TransactionError.InvalidSignature);
        var r = fields.ReadUInt256("r", TransactionError.InvalidSignature);
        var s = fields.ReadUInt256("s", TransactionError.InvalidSignature);

        // EIP-155: v = chainId * 2 + 35 + parity; anything below 35 carries no chain id.
        UInt256? chainId = v >= 35 ? (v - 35) >> 1 : null;
        return new Transaction
        {
            Type = TransactionType.Legacy,
            ChainId = chainId,
            Nonce = nonce,
            GasPrice = gasPrice,
            GasLimit = gasLimit,
            To = to,
            Value = value,
            Data = data,
            V = v,
            R = r,
            S = s,
        };
    }

    private static Transaction ReadTyped(ref FieldReader fields, TransactionType type)
    {
        var chainId = fields.ReadUInt256("chainId", TransactionError.InvalidChainId);
        var nonce = fields.ReadUInt64("nonce", TransactionError.NonceOverflow);
        UInt256 priorityFee = default;
        UInt256 feeCap;
        if (type == TransactionType.AccessList)
        {
            feeCap = fields.ReadUInt256("gasPrice", TransactionError.GasPriceOverflow);
        }
        else
        {
            priorityFee = fields.ReadUInt256("maxPriorityFeePerGas", TransactionError.PriorityFeeOverflow);
            feeCap = fields.ReadUInt256("maxFeePerGas", TransactionError.GasPriceOverflow);
        }

        var gasLimit = fields.ReadUInt64("gasLimit", TransactionError.GasLimitOverflow);
        var to = fields.ReadOptionalAddress("to");
        var value = fields.ReadUInt256("value", TransactionError.ValueOverflow);
        var data = fields.ReadBytes("data").ToArray();
        var accessList = ReadAccessList(fields.ReadList("accessList"));
        var authorizations = type == TransactionType.SetCode
            ? ReadAuthorizationList(fields.ReadList("authorizationList"))
            : [];
        var yParity = fields.ReadUInt256("yParity", TransactionError.InvalidSignature);
        var r = fields.ReadUInt256("r", TransactionError.InvalidSignature);
        var s = fields.ReadUInt256("s", TransactionError.InvalidSignature);

        return new Transaction
        {
            Type = type,
            ChainId = chainId,
            Nonce = nonce,
            MaxFeePerGas = feeCap,
            MaxPriorityFeePerGas = priorityFee,
            GasLimit = gasLimit,
            To = to,
            Value = value,
            Data = data,
            AccessList = accessList,
            AuthorizationList = authorizations,
            V = yParity,
            R = r,
            S = s,
        };
    }

    private static ImmutableArray<AccessListItem> ReadAccessList(RlpReader list)
    {
        if (!list.HasMore)
        {
            return [];
        }

        var items = new AccessListItem[CountItems(list)];
        for (var i = 0; i < items.Length; i++)
        {
            var entry = list.ReadList();
            var address = entry.ReadAddress();
            var keysReader = entry.ReadList();
            entry.EnsureEnd();

            var keys = keysReader.HasMore ? new Hash256[CountItems(keysReader)] : [];
            for (var k = 0; k < keys.Length; k++)
            {
                keys[k] = keysReader.ReadHash256();
            }

            items[i] = new AccessListItem(address, ImmutableCollectionsMarshal.AsImmutableArray(keys));
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    private static ImmutableArray<Authorization> ReadAuthorizationList(RlpReader list)
    {
        if (!list.HasMore)
        {
            return [];
        }

        var items = new Authorization[CountItems(list)];
        for (var i = 0; i < items.Length; i++)
        {
            var entry = list.ReadList();
            var chainId = entry.ReadUInt256();
            var address = entry.ReadAddress();
            var nonce = entry.ReadInteger(int.MaxValue);
            if (nonce.Length > sizeof(ulong))
            {
                throw new TransactionDecodingException(
                    TransactionError.NonceOverflow,
                    $"Authorization {i} has a {nonce.Length}-byte nonce; an authorization nonce must fit in 64 bits.");
            }

            var yParity = entry.ReadInteger(1);
            var r = entry.ReadUInt256();
            var s = entry.ReadUInt256();
            entry.EnsureEnd();
            items[i] = new Authorization(chainId, address, ToUInt64(nonce), yParity.IsEmpty ? (byte)0 : yParity[0], r, s);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    /// <summary>Counts the items left in a list by skipping over a copy of its reader.</summary>
    private static int CountItems(RlpReader list)
    {
        var count = 0;
        while (list.HasMore)
        {
            list.Skip();
            count++;
        }

        return count;
    }

    private static ulong ToUInt64(ReadOnlySpan<byte> bigEndian)
    {
        ulong value = 0;
        foreach (var b in bigEndian)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>Reads a transaction's fields in order, naming the current field for error messages.</summary>
    private ref struct FieldReader
    {
        private readonly int _expected;
        private RlpReader _content;
        private int _read;

        public FieldReader(RlpReader content, int expected)
        {
            _content = content;
            _expected = expected;
        }

        /// <summary>The field being read, for messages; <see langword="null"/> before the first.</summary>
        public string? Field { get; private set; }

        public ulong ReadUInt64(string field, TransactionError overflow)
        {
            var payload = ReadIntegerPayload(field);
            if (payload.Length > sizeof(ulong))
            {
                throw new TransactionDecodingException(overflow, $"Transaction field '{field}' has {payload.Length} bytes; it must fit in 64 bits.");
            }

            return ToUInt64(payload);
        }

        public UInt256 ReadUInt256(string field, TransactionError overflow)
        {
            var payload = ReadIntegerPayload(field);
            if (payload.Length > 32)
            {
                throw new TransactionDecodingException(overflow, $"Transaction field '{field}' has {payload.Length} bytes; it must fit in 256 bits.");
            }

            return new UInt256(payload);
        }

        public Address? ReadOptionalAddress(string field)
        {
            Next(field);
            return _content.ReadOptionalAddress();
        }

        public ReadOnlySpan<byte> ReadBytes(string field)
        {
            Next(field);
            return _content.ReadBytes();
        }

        public RlpReader ReadList(string field)
        {
            Next(field);
            return _content.ReadList();
        }

        public readonly void EnsureEnd()
        {
            if (_content.HasMore)
            {
                throw new TransactionDecodingException(
                    TransactionError.InvalidRlp,
                    $"The transaction has more than the {_expected} fields its type defines ({_content.Remaining} bytes follow the last one).");
            }
        }

        private ReadOnlySpan<byte> ReadIntegerPayload(string field)
        {
            Next(field);
            return _content.ReadInteger(int.MaxValue);
        }

        private void Next(string field)
        {
            Field = field;
            if (!_content.HasMore)
            {
                throw new TransactionDecodingException(
                    TransactionError.InvalidRlp,
                    $"The transaction has {_read} fields where its type defines {_expected}: '{field}' is missing.");
            }

            _read++;
        }
    }
}
