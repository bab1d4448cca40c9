using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Nectar.Core.Numerics;

namespace Nectar.Chain.Genesis;

public sealed partial class ChainSpecReader
{
    private static readonly BigInteger MaxUInt256 = (BigInteger.One << 256) - 1;

    /// <summary>
    /// Reads a non-negative integer up to 2^256 - 1: a JSON number (integers up to 2^64 - 1; larger values lose
    /// precision in most JSON tools, so they must be strings), or a string holding <c>0x</c> and hex digits, decimal
    /// digits, or a decimal amount and a unit (<c>"10000 ether"</c>, <c>"1.5 gwei"</c>, <c>"7 wei"</c>) that comes
    /// to a whole number of wei.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="path">Its path.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public UInt256? ReadQuantity(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetUInt64(out var number):
                return new UInt256(number);
            case JsonValueKind.Number:
                Report(path, $"must be a non-negative integer below 2^64 when written as a number (write larger values as strings), found {value.GetRawText()}.");
                return null;
            case JsonValueKind.String:
                return ReadQuantity(value.GetString()!, path);
            default:
                Report(path, $"must be a number or a string such as \"0x3b9aca00\", \"1000000000\" or \"1 gwei\", found {Describe(value)}.");
                return null;
        }
    }

    /// <summary>Reads a quantity written as text (an object key such as a storage slot), as <see cref="ReadQuantity(JsonElement, string)"/> reads strings.</summary>
    /// <param name="text">The text.</param>
    /// <param name="path">Its path.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public UInt256? ReadQuantity(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParseQuantity(text, out var parsed, out var problem))
        {
            return parsed;
        }

        Report(path, problem);
        return null;
    }

    /// <summary>Reads a non-negative integer up to 2^64 - 1, in any form <see cref="ReadQuantity(JsonElement, string)"/> accepts.</summary>
    /// <param name="value">The value.</param>
    /// <param name="path">Its path.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public ulong? ReadUInt64(JsonElement value, string path)
    {
        if (ReadQuantity(value, path) is not { } quantity)
        {
            return null;
        }

        if (!quantity.TryGetUInt64(out var result))
        {
            Report(path, $"must be at most 2^64 - 1, found {quantity}.");
            return null;
        }

        return result;
    }

    private static bool TryParseQuantity(string text, out UInt256 value, out string problem)
    {
        value = default;
        problem = string.Empty;
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            if (text.Length > 0 && (text.StartsWith("0x", StringComparison.Ordinal) || char.IsAsciiDigit(text[0])) && UInt256.TryParse(text, out value))
            {
                return true;
            }

            problem = $"must be 0x and hex digits, decimal digits, or an amount with a unit (wei, gwei, ether), found \"{Shorten(text)}\".";
            return false;
        }

        var amount = text[..space];
        var unit = text[(space + 1)..];
        var decimals = unit switch
        {
            "wei" => 0,
            "gwei" => 9,
            "ether" => 18,
            _ => -1,
        };
        if (decimals < 0)
        {
            problem = $"has the unknown unit \"{Shorten(unit)}\"; use wei, gwei or ether.";
            return false;
        }

        var point = amount.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? amount : amount[..point];
        var fraction = point < 0 ? string.Empty : amount[(point + 1)..];
        if (whole.Length == 0 || !IsDigits(whole) || (point >= 0 && (fraction.Length == 0 || !IsDigits(fraction))))
        {
            problem = $"must be a decimal amount before the unit, such as \"1.5 {unit}\", found \"{Shorten(text)}\".";
            return false;
        }

        var trimmedFraction = fraction.TrimEnd('0');
        if (trimmedFraction.Length > decimals)
        {
            problem = $"is not a whole number of wei (\"{Shorten(text)}\" has more than {decimals} decimals).";
            return false;
        }

        var wei = BigInteger.Parse(whole + trimmedFraction.PadRight(decimals, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        if (wei > MaxUInt256)
        {
            problem = $"exceeds 2^256 - 1 wei (\"{Shorten(text)}\").";
            return false;
        }

        value = (UInt256)wei;
        return true;
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
