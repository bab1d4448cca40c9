using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.State;

/// <summary>A log record emitted by LOG0..LOG4: the emitting contract, up to four topics and the data.</summary>
public sealed class LogEntry
{
    /// <summary>Creates a log record.</summary>
    /// <param name="address">The contract that emitted it.</param>
    /// <param name="topics">Zero to four topics; the array is kept, not copied.</param>
    /// <param name="data">The data; the array is kept, not copied.</param>
    public LogEntry(Address address, Hash256[] topics, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(data);
        Address = address;
        Topics = topics;
        Data = data;
    }

    /// <summary>The contract that emitted the log.</summary>
    public Address Address { get; }

    /// <summary>The topics, in order.</summary>
    public Hash256[] Topics { get; }

    /// <summary>The data.</summary>
    public byte[] Data { get; }

    /// <summary>Length of the RLP encoding <c>[address, [topics...], data]</c>.</summary>
    public int EncodedLength => Rlp.LengthOfList(ContentLength);

    private int ContentLength => Rlp.LengthOfAddress + Rlp.LengthOfList(Topics.Length * Rlp.LengthOfHash256) + Rlp.LengthOfBytes(Data);

    /// <summary>Writes the RLP encoding <c>[address, [topics...], data]</c>.</summary>
    /// <param name="writer">The writer, with at least <see cref="EncodedLength"/> bytes of room.</param>
    public void WriteTo(ref RlpWriter writer)
    {
        writer.WriteListHeader(ContentLength);
        writer.WriteAddress(Address);
        writer.WriteListHeader(Topics.Length * Rlp.LengthOfHash256);
        foreach (var topic in Topics)
        {
            writer.WriteHash256(topic);
        }

        writer.WriteBytes(Data);
    }
}
