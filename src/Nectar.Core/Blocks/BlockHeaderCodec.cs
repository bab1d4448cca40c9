using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;

namespace Nectar.Core.Blocks;

/// <summary>
/// The RLP of block headers: the 15 fields every header has, then the optional fields in the order forks
/// added them (base fee, withdrawals root, blob gas used, excess blob gas, parent beacon block root, requests
/// hash). An optional field is present only when every earlier one is.
/// </summary>
[SkipLocalsInit]
public static class BlockHeaderCodec
{
    /// <summary>Fields of every header, from the parent hash to the nonce.</summary>
    public const int MandatoryFieldCount = 15;

    /// <summary>Fields of a header with every optional field (Prague).</summary>
    public const int MaxFieldCount = 21;

    private const int NonceLength = 8;

    /// <summary>The number of fields a header of the fork has.</summary>
    /// <param name="spec">The fork's rules.</param>
    /// <returns>15 before London, 16 in London and Paris, 17 in Shanghai, 20 in Cancun, 21 from Prague.</returns>
    public static int FieldCountFor(ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.IsEip7685Enabled ? 21
            : spec.IsEip4844Enabled ? 20
            : spec.IsEip4895Enabled ? 17
            : spec.IsEip1559Enabled ? 16
            : MandatoryFieldCount;
    }

    /// <summary>The number of fields the header carries.</summary>
    /// <param name="header">The header.</param>
    /// <returns>15 plus the optional fields present.</returns>
    /// <exception cref="ArgumentException">An optional field is present while an earlier one is not.</exception>
    public static int FieldCount(BlockHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        ReadOnlySpan<bool> present =
        [
            header.BaseFeePerGas.HasValue,
            header.WithdrawalsRoot.HasValue,
            header.BlobGasUsed.HasValue,
            header.ExcessBlobGas.HasValue,
            header.ParentBeaconBlockRoot.HasValue,
            header.RequestsHash.HasValue,
        ];

        var count = present.IndexOf(false);
        if (count < 0)
        {
            return MaxFieldCount;
        }

        if (present[count..].Contains(true))
        {
            throw new ArgumentException(
                $"Header {header.Number} has a later optional field without the earlier ones (optional fields: base fee, withdrawals root, blob gas used, excess blob gas, parent beacon block root, requests hash).",
                nameof(header));
        }

        return MandatoryFieldCount + count;
    }

    /// <summary>Whether the header has exactly the fields of the fork.</summary>
    /// <param name="header">The header.</param>
    /// <param name="spec">The fork's rules.</param>
    /// <returns><see langword="true"/> when the optional fields present are those the fork defines.</returns>
    public static bool HasFieldsOf(BlockHeader header, ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(spec);
        return header.BaseFeePerGas.HasValue == spec.IsEip1559Enabled
            && header.WithdrawalsRoot.HasValue == spec.IsEip4895Enabled
            && header.BlobGasUsed.HasValue == spec.IsEip4844Enabled
            && header.ExcessBlobGas.HasValue == spec.IsEip4844Enabled
            && header.ParentBeaconBlockRoot.HasValue == spec.IsEip4788Enabled
            && header.RequestsHash.HasValue == spec.IsEip7685Enabled;
    }

    /// <summary>Length of the header's RLP.</summary>
    /// <param name="header">The header.</param>
    /// <returns>The encoded length.</returns>
    public static int GetEncodedLength(BlockHeader header) => Rlp.LengthOfList(ContentLength(header));

    /// <summary>Encodes the header into a new array.</summary>
    /// <param name="header">The header.</param>
    /// <returns>The RLP.</returns>
    public static byte[] Encode(BlockHeader header)
    {
        var result = new byte[GetEncodedLength(header)];
        var writer = new RlpWriter(result);
        Write(ref writer, header);
        return result;
    }

    /// <summary>Writes the header's RLP.</summary>
    /// <param name="writer">The writer, with at least <see cref="GetEncodedLength"/> bytes of room.</param>
    /// <param name="header">The header.</param>
    public static void Write(ref RlpWriter writer, BlockHeader header)
    {
        var fields = FieldCount(header);
        writer.WriteListHeader(ContentLength(header, fields));
        writer.WriteHash256(header.ParentHash);
        writer.WriteHash256(header.OmmersHash);
        writer.WriteAddress(header.Beneficiary);
        writer.WriteHash256(header.StateRoot);
        writer.WriteHash256(header.TransactionsRoot);
        writer.WriteHash256(header.ReceiptsRoot);
        var bloom = header.LogsBloom;
        writer.WriteBytes(bloom.Bytes);
        writer.WriteUInt256(header.Difficulty);
        writer.WriteUInt64(header.Number);
        writer.WriteUInt64(header.GasLimit);
        writer.WriteUInt64(header.GasUsed);
        writer.WriteUInt64(header.Timestamp);
        writer.WriteBytes(header.ExtraData.Span);
        writer.WriteHash256(header.MixHash);
        Span<byte> nonce = stackalloc byte[NonceLength];
        BinaryPrimitives.WriteUInt64BigEndian(nonce, header.Nonce);
        writer.WriteBytes(nonce);

        if (fields > 15)
        {
            writer.WriteUInt256(header.BaseFeePerGas.GetValueOrDefault());
        }

        if (fields > 16)
        {
            writer.WriteHash256(header.WithdrawalsRoot.GetValueOrDefault());
        }

        if (fields > 17)
        {
            writer.WriteUInt64(header.BlobGasUsed.GetValueOrDefault());
        }

        if (fields > 18)
        {
            writer.WriteUInt64(header.ExcessBlobGas.GetValueOrDefault());
        }

        if (fields > 19)
        {
            writer.WriteHash256(header.ParentBeaconBlockRoot.GetValueOrDefault());
        }

        if (fields > 20)
        {
            writer.WriteHash256(header.RequestsHash.GetValueOrDefault());
        }
    }

    /// <summary>Keccak-256 of the header's RLP: the block hash.</summary>
    /// <param name="header">The header.</param>
    /// <returns>The hash (also available, cached, as <see cref="BlockHeader.Hash"/>).</returns>
    public static Hash256 ComputeHash(BlockHeader header)
    {
        // A header is about 600 bytes plus its extra data.
        var length = GetEncodedLength(header);
        if (length <= 1024)
        {
            Span<byte> buffer = stackalloc byte[1024];
            var writer = new RlpWriter(buffer[..length]);
            Write(ref writer, header);
            return Keccak256.Compute(buffer[..length]);
        }

        return Keccak256.Compute(Encode(header));
    }

    /// <summary>Decodes a header that must be the whole input.</summary>
    /// <param name="encoded">The RLP.</param>
    /// <returns>The header.</returns>
    /// <exception cref="RlpException">The input is not exactly one canonical header.</exception>
    public static BlockHeader Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new RlpReader(encoded);
        var header = Read(ref reader);
        reader.EnsureEnd();
        return header;
    }

    /// <summary>Decodes a header that must be the whole input and have exactly the fields of the fork.</summary>
    /// <param name="encoded">The RLP.</param>
    /// <param name="spec">The fork's rules.</param>
    /// <returns>The header.</returns>
    /// <exception cref="RlpException">The input is not a canonical header of the fork.</exception>
    public static BlockHeader Decode(ReadOnlySpan<byte> encoded, ForkSpec spec)
    {
        var header = Decode(encoded);
        EnsureFieldsOf(header, spec);
        return header;
    }

    /// <summary>Checks that a header has exactly the fields of the fork.</summary>
    /// <param name="header">The header.</param>
    /// <param name="spec">The fork's rules.</param>
    /// <exception cref="RlpException">The header has fields the fork lacks, or lacks fields it has.</exception>
    public static void EnsureFieldsOf(BlockHeader header, ForkSpec spec)
    {
        if (!HasFieldsOf(header, spec))
        {
            throw new RlpException($"Header {header.Number} has {FieldCount(header)} fields; {spec.Name} headers have {FieldCountFor(spec)}.");
        }
    }

    /// <summary>Reads one header from a reader (a block's first item, or an ommer).</summary>
    /// <param name="reader">A reader positioned at the header; it is advanced past it.</param>
    /// <returns>The header.</returns>
    /// <exception cref="RlpException">The item is not a canonical header.</exception>
    public static BlockHeader Read(ref RlpReader reader)
    {
        var content = reader.ReadList();
        var parentHash = content.ReadHash256();
        var ommersHash = content.ReadHash256();
        var beneficiary = content.ReadAddress();
        var stateRoot = content.ReadHash256();
        var transactionsRoot = content.ReadHash256();
        var receiptsRoot = content.ReadHash256();
        var bloomStart = content.Origin + content.Position;
        var bloomBytes = content.ReadBytes();
        if (bloomBytes.Length != Bloom.Length)
        {
            throw new RlpException($"Expected a 256-byte RLP string (the logs bloom) at offset {bloomStart}, found {bloomBytes.Length} bytes.", bloomStart);
        }

        var difficulty = content.ReadUInt256();
        var number = content.ReadUInt64();
        var gasLimit = content.ReadUInt64();
        var gasUsed = content.ReadUInt64();
        var timestamp = content.ReadUInt64();
        var extraData = content.ReadBytes().ToArray();
        var mixHash = content.ReadHash256();
        var nonceStart = content.Origin + content.Position;
        var nonce = content.ReadBytes();
        if (nonce.Length != NonceLength)
        {
            throw new RlpException($"Expected an 8-byte RLP string (the nonce) at offset {nonceStart}, found {nonce.Length} bytes.", nonceStart);
        }

        var header = new BlockHeader
        {
            ParentHash = parentHash,
            OmmersHash = ommersHash,
            Beneficiary = beneficiary,
            StateRoot = stateRoot,
            TransactionsRoot = transactionsRoot,
            ReceiptsRoot = receiptsRoot,
            LogsBloom = new Bloom(bloomBytes),
            Difficulty = difficulty,
            Number = number,
            GasLimit = gasLimit,
            GasUsed = gasUsed,
            Timestamp = timestamp,
            ExtraData = extraData,
            MixHash = mixHash,
            Nonce = BinaryPrimitives.ReadUInt64BigEndian(nonce),
            BaseFeePerGas = content.HasMore ? content.ReadUInt256() : null,
            WithdrawalsRoot = content.HasMore ? content.ReadHash256() : null,
            BlobGasUsed = content.HasMore ? content.ReadUInt64() : null,
            ExcessBlobGas = content.HasMore ? content.ReadUInt64() : null,
            ParentBeaconBlockRoot = content.HasMore ? content.ReadHash256() : null,
            RequestsHash = content.HasMore ? content.ReadHash256() : null,
        };

        content.EnsureEnd();
        return header;
    }

    private static int ContentLength(BlockHeader header) => ContentLength(header, FieldCount(header));

    private static int ContentLength(BlockHeader header, int fields)
    {
        var length = (6 * Rlp.LengthOfHash256) + Rlp.LengthOfAddress
            + Rlp.LengthOfHeader(Bloom.Length) + Bloom.Length
            + Rlp.LengthOfUInt256(header.Difficulty)
            + Rlp.LengthOfUInt64(header.Number)
            + Rlp.LengthOfUInt64(header.GasLimit)
            + Rlp.LengthOfUInt64(header.GasUsed)
            + Rlp.LengthOfUInt64(header.Timestamp)
            + Rlp.LengthOfBytes(header.ExtraData.Span)
            + 1 + NonceLength;

        length += fields > 15 ? Rlp.LengthOfUInt256(header.BaseFeePerGas.GetValueOrDefault()) : 0;
        length += fields > 16 ? Rlp.LengthOfHash256 : 0;
        length += fields > 17 ? Rlp.LengthOfUInt64(header.BlobGasUsed.GetValueOrDefault()) : 0;
        length += fields > 18 ? Rlp.LengthOfUInt64(header.ExcessBlobGas.GetValueOrDefault()) : 0;
        length += fields > 19 ? Rlp.LengthOfHash256 : 0;
        length += fields > 20 ? Rlp.LengthOfHash256 : 0;
        return length;
    }
}
