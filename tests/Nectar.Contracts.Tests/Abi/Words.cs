using System.Globalization;
using Nectar.Core.Encoding;

namespace Nectar.Contracts.Tests.Abi;

/// <summary>Builds ABI data by hand, one 32-byte word at a time, for tests of malformed encodings.</summary>
internal static class Words
{
    /// <summary>Each argument is a number (decimal, or hex after 0x) right-aligned in a word, or "raw:" and 64 hex digits.</summary>
    public static byte[] Of(params string[] words)
    {
        var data = new List<byte>();
        foreach (var word in words)
        {
            if (word.StartsWith("raw:", StringComparison.Ordinal))
            {
                var raw = Hex.Decode(word.AsSpan(4));
                Assert.Equal(32, raw.Length);
                data.AddRange(raw);
                continue;
            }

            var value = word.StartsWith("0x", StringComparison.Ordinal)
                ? Core.Numerics.UInt256.Parse(word)
                : Core.Numerics.UInt256.Parse(word, CultureInfo.InvariantCulture);
            data.AddRange(value.ToBigEndian());
        }

        return [.. data];
    }
}
