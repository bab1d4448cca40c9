using Nectar.Contracts.Storage;
using Nectar.Contracts.Tests.Abi;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Tests.Storage;

public sealed class StorageSlotsTests
{
    [Fact]
    public void Mapping_entries_live_at_the_hash_of_the_padded_key_and_the_slot()
    {
        var account = Address.Parse("0x00000000000000000000000000000000000a11ce");
        var expected = new UInt256(Keccak256.Compute(Words.Of("0xa11ce", "2")).Bytes);

        Assert.Equal(expected, StorageSlots.MappingSlot(account, 2UL));
        Assert.Equal(expected, StorageSlots.MappingSlot(new UInt256(0xa11ceUL), 2UL));
        Assert.Equal(new UInt256(Keccak256.Compute([.. "key"u8, .. Words.Of("5")]).Bytes), StorageSlots.MappingSlotOfBytesKey("key"u8, 5UL));
        Assert.Equal(new UInt256(Keccak256.Compute(Words.Of("7")).Bytes), StorageSlots.DataSlot(7UL));
    }

    [Fact]
    public void Packs_values_at_byte_offsets_from_the_low_end_and_reads_them_back()
    {
        var word = StorageSlots.Pack(UInt256.Zero, 0x1122UL, offset: 0, size: 2);
        word = StorageSlots.Pack(word, 0xffUL, offset: 2, size: 1);
        word = StorageSlots.Pack(word, UInt256.MaxValue >> 24, offset: 3, size: 29);

        Assert.Equal(0x1122UL, (ulong)StorageSlots.Unpack(word, 0, 2));
        Assert.Equal(0xffUL, (ulong)StorageSlots.Unpack(word, 2, 1));
        Assert.Equal(UInt256.MaxValue >> 24, StorageSlots.Unpack(word, 3, 29));
        Assert.Equal(0x33UL, (ulong)StorageSlots.Unpack(StorageSlots.Pack(word, 0x33UL, 2, 1), 2, 1));
        Assert.Equal(0x1122UL, (ulong)StorageSlots.Unpack(StorageSlots.Pack(word, 0x33UL, 2, 1), 0, 2));
    }

    [Fact]
    public void Refuses_values_that_do_not_fit_and_positions_outside_the_slot()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StorageSlots.Pack(UInt256.Zero, 0x100UL, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StorageSlots.Pack(UInt256.Zero, 1UL, 31, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => StorageSlots.Unpack(UInt256.Zero, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StorageSlots.Unpack(UInt256.Zero, 0, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    public void Short_byte_strings_sit_in_one_slot_with_twice_their_length_in_the_low_byte(int length)
    {
        var value = Enumerable.Range(1, length).Select(i => (byte)i).ToArray();
        var entries = new List<StorageEntry>();

        StorageSlots.AppendBytes(9UL, value, entries);

        var entry = Assert.Single(entries);
        var word = entry.Value.ToBigEndian();
        Assert.Equal(new UInt256(9UL), entry.Slot);
        Assert.Equal(value, word[..length]);
        Assert.All(word[length..31], b => Assert.Equal(0, b));
        Assert.Equal(length * 2, word[31]);
    }

    [Theory]
    [InlineData(32, 1)]
    [InlineData(33, 2)]
    [InlineData(64, 2)]
    [InlineData(65, 3)]
    public void Long_byte_strings_keep_twice_their_length_plus_one_and_their_data_from_the_hashed_slot(int length, int dataSlots)
    {
        var value = Enumerable.Range(1, length).Select(i => (byte)i).ToArray();
        var entries = new List<StorageEntry>();

        StorageSlots.AppendBytes(9UL, value, entries);

        Assert.Equal(1 + dataSlots, entries.Count);
        Assert.Equal(new StorageEntry(9UL, (ulong)((length * 2) + 1)), entries[0]);
        var data = new List<byte>();
        for (var i = 0; i < dataSlots; i++)
        {
            Assert.Equal(StorageSlots.DataSlot(9UL) + (UInt256)(ulong)i, entries[i + 1].Slot);
            data.AddRange(entries[i + 1].Value.ToBigEndian());
        }

        Assert.Equal(value, data.Take(length));
        Assert.All(data.Skip(length), b => Assert.Equal(0, b));
    }
}
