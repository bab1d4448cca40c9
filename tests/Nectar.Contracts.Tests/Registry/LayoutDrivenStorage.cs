using System.Numerics;
using System.Text;
using Nectar.Contracts.Storage;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Tests.Registry;

/// <summary>
/// An independent model of Solidity storage driven only by the compiler's storage layout: slots, offsets and
/// sizes come from the artifact, packing is done with BigInteger, strings are laid out from the rules. It
/// serves as the oracle for the hand-written genesis helper.
/// </summary>
internal sealed class LayoutDrivenStorage(StorageLayout layout)
{
    private static readonly BigInteger WordModulus = BigInteger.One << 256;
    private readonly Dictionary<BigInteger, BigInteger> _words = [];

    /// <summary>The non-zero words, ordered by slot.</summary>
    public IEnumerable<StorageEntry> Entries => _words
        .Where(w => !w.Value.IsZero)
        .OrderBy(w => w.Key)
        .Select(w => new StorageEntry((UInt256)w.Key, (UInt256)w.Value));

    /// <summary>Writes a value type at a variable or member, relative to <paramref name="baseSlot"/>.</summary>
    public void SetValue(StorageVariable variable, BigInteger baseSlot, BigInteger value)
    {
        var type = layout.GetStorageType(variable.TypeId);
        Assert.Equal(StorageEncoding.Inplace, type.Encoding);
        var size = (int)(ulong)type.NumberOfBytes;
        Assert.True(value >= 0 && value < BigInteger.One << (size * 8), $"{value} does not fit {type.Label}");
        var slot = (baseSlot + (BigInteger)variable.Slot) % WordModulus;
        var shift = variable.Offset * 8;
        var mask = ((BigInteger.One << (size * 8)) - 1) << shift;
        var word = _words.GetValueOrDefault(slot);
        _words[slot] = (word & ~mask & (WordModulus - 1)) | (value << shift);
    }

    /// <summary>Writes a string at a variable or member, relative to <paramref name="baseSlot"/>.</summary>
    public void SetString(StorageVariable variable, BigInteger baseSlot, string text)
    {
        Assert.Equal(StorageEncoding.Bytes, layout.GetStorageType(variable.TypeId).Encoding);
        var bytes = Encoding.UTF8.GetBytes(text);
        var slot = (baseSlot + (BigInteger)variable.Slot) % WordModulus;
        if (bytes.Length <= 31)
        {
            var word = new byte[32];
            bytes.CopyTo(word, 0);
            word[31] = (byte)(bytes.Length * 2);
            _words[slot] = new BigInteger(word, isUnsigned: true, isBigEndian: true);
            return;
        }

        _words[slot] = (bytes.Length * 2) + 1;
        var data = Hash(Word(slot));
        for (var i = 0; i * 32 < bytes.Length; i++)
        {
            var chunk = new byte[32];
            bytes.AsSpan(i * 32, Math.Min(32, bytes.Length - (i * 32))).CopyTo(chunk);
            _words[(data + i) % WordModulus] = new BigInteger(chunk, isUnsigned: true, isBigEndian: true);
        }
    }

    /// <summary>The base slot of a mapping entry, with the key encoded by the mapping's key type.</summary>
    public BigInteger Entry(StorageVariable mapping, object key)
    {
        var type = layout.GetStorageType(mapping.TypeId);
        Assert.Equal(StorageEncoding.Mapping, type.Encoding);
        var keyWord = layout.GetStorageType(type.KeyTypeId!).Label switch
        {
            "address" => Word(new BigInteger(((Address)key).Bytes, isUnsigned: true, isBigEndian: true)),
            "uint64" => Word((ulong)key),
            var other => throw new NotSupportedException(other),
        };
        return Hash([.. keyWord, .. Word((BigInteger)mapping.Slot)]);
    }

    /// <summary>The struct type a mapping holds.</summary>
    public StorageType ValueTypeOf(StorageVariable mapping) =>
        layout.GetStorageType(layout.GetStorageType(mapping.TypeId).ValueTypeId!);

    private static byte[] Word(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }

    private static BigInteger Hash(byte[] input) => new(Keccak256.Compute(input).Bytes, isUnsigned: true, isBigEndian: true);
}
