using Nectar.Core.Encoding;

namespace Nectar.Core.Blocks;

/// <summary>The RLP of a withdrawal, <c>[index, validatorIndex, address, amount]</c>: a block body item and the value in the withdrawals trie.</summary>
public static class WithdrawalCodec
{
    /// <summary>Length of the withdrawal's RLP.</summary>
    /// <param name="withdrawal">The withdrawal.</param>
    /// <returns>The encoded length.</returns>
    public static int GetEncodedLength(in Withdrawal withdrawal) => Rlp.LengthOfList(ContentLength(withdrawal));

    /// <summary>Encodes the withdrawal into a new array.</summary>
    /// <param name="withdrawal">The withdrawal.</param>
    /// <returns>The RLP.</returns>
    public static byte[] Encode(in Withdrawal withdrawal)
    {
        var result = new byte[GetEncodedLength(withdrawal)];
        var writer = new RlpWriter(result);
        Write(ref writer, withdrawal);
        return result;
    }

    /// <summary>Writes the withdrawal's RLP.</summary>
    /// <param name="writer">The writer, with at least <see cref="GetEncodedLength"/> bytes of room.</param>
    /// <param name="withdrawal">The withdrawal.</param>
    public static void Write(ref RlpWriter writer, in Withdrawal withdrawal)
    {
        writer.WriteListHeader(ContentLength(withdrawal));
        writer.WriteUInt64(withdrawal.Index);
        writer.WriteUInt64(withdrawal.ValidatorIndex);
        writer.WriteAddress(withdrawal.Address);
        writer.WriteUInt64(withdrawal.AmountInGwei);
    }

    /// <summary>Decodes a withdrawal that must be the whole input.</summary>
    /// <param name="encoded">The RLP.</param>
    /// <returns>The withdrawal.</returns>
    /// <exception cref="RlpException">The input is not exactly one canonical withdrawal.</exception>
    public static Withdrawal Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new RlpReader(encoded);
        var withdrawal = Read(ref reader);
        reader.EnsureEnd();
        return withdrawal;
    }

    /// <summary>Reads one withdrawal.</summary>
    /// <param name="reader">A reader positioned at the withdrawal; it is advanced past it.</param>
    /// <returns>The withdrawal.</returns>
    /// <exception cref="RlpException">The item is not a canonical withdrawal.</exception>
    public static Withdrawal Read(ref RlpReader reader)
    {
        var content = reader.ReadList();
        var withdrawal = new Withdrawal(content.ReadUInt64(), content.ReadUInt64(), content.ReadAddress(), content.ReadUInt64());
        content.EnsureEnd();
        return withdrawal;
    }

    private static int ContentLength(in Withdrawal withdrawal) =>
        Rlp.LengthOfUInt64(withdrawal.Index) + Rlp.LengthOfUInt64(withdrawal.ValidatorIndex) + Rlp.LengthOfAddress + Rlp.LengthOfUInt64(withdrawal.AmountInGwei);
}
