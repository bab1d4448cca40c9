using System.Buffers.Binary;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.State;

/// <summary>
/// The reverse diff of one block: for every flat account and storage entry the block changed, its value before
/// the block (or its absence), plus the state root and block number before it. Applying it restores the flat
/// state of the parent block; the trie needs nothing, since its nodes are never deleted and the parent root
/// still leads to them.
/// </summary>
internal sealed class StateDiff
{
    public const byte AccountColumn = 0;
    public const byte StorageColumn = 1;

    public StateDiff(Hash256 previousRoot, ulong? previousBlock)
    {
        PreviousRoot = previousRoot;
        PreviousBlock = previousBlock;
    }

    public Hash256 PreviousRoot { get; }

    public ulong? PreviousBlock { get; }

    public List<(byte Column, byte[] Key, byte[]? Previous)> Entries { get; } = [];

    public static byte[] BlockKey(ulong blockNumber)
    {
        var key = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(key, blockNumber);
        return key;
    }

    public byte[] Encode()
    {
        using var builder = new RlpBuilder();
        builder.StartList();
        builder.WriteHash256(PreviousRoot);
        builder.WriteUInt64(PreviousBlock.HasValue ? PreviousBlock.Value + 1 : 0);
        builder.StartList();
        foreach (var (column, key, previous) in Entries)
        {
            builder.StartList();
            builder.WriteUInt64(column);
            builder.WriteBytes(key);
            if (previous is not null)
            {
                builder.WriteBytes(previous);
            }

            builder.EndList();
        }

        builder.EndList();
        builder.EndList();
        return builder.ToArray();
    }

    public static StateDiff Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new RlpReader(encoded);
        var list = reader.ReadList();
        var root = list.ReadHash256();
        var block = list.ReadUInt64();
        var diff = new StateDiff(root, block == 0 ? null : block - 1);
        var entries = list.ReadList();
        while (entries.HasMore)
        {
            var entry = entries.ReadList();
            var column = (byte)entry.ReadUInt64();
            var key = entry.ReadBytes().ToArray();
            var previous = entry.HasMore ? entry.ReadBytes().ToArray() : null;
            entry.EnsureEnd();
            diff.Entries.Add((column, key, previous));
        }

        list.EnsureEnd();
        return diff;
    }
}
