using System.Security.Cryptography;
using System.Text;

namespace Nectar.Crypto.Keys;

/// <summary>Base58Check as BIP-32 serializes extended keys: Base58 of the payload and four bytes of its double SHA-256.</summary>
internal static class Base58Check
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> payload)
    {
        var data = new byte[payload.Length + 4];
        payload.CopyTo(data);
        Span<byte> hash = stackalloc byte[Sha256.HashLength];
        Sha256.Hash(payload, hash);
        Sha256.Hash(hash, hash);
        hash[..4].CopyTo(data.AsSpan(payload.Length));

        // Repeated division of the big-endian number by 58; each pass yields one digit, least significant first.
        var digits = new List<char>(data.Length * 138 / 100 + 1);
        var start = 0;
        while (start < data.Length && data[start] == 0)
        {
            start++;
        }

        var leadingZeros = start;
        while (start < data.Length)
        {
            var remainder = 0;
            for (var i = start; i < data.Length; i++)
            {
                var value = (remainder << 8) | data[i];
                data[i] = (byte)(value / 58);
                remainder = value % 58;
            }

            digits.Add(Alphabet[remainder]);
            while (start < data.Length && data[start] == 0)
            {
                start++;
            }
        }

        CryptographicOperations.ZeroMemory(data);
        var text = new StringBuilder(leadingZeros + digits.Count);
        text.Append('1', leadingZeros);
        for (var i = digits.Count - 1; i >= 0; i--)
        {
            text.Append(digits[i]);
        }

        return text.ToString();
    }
}
