using System.Globalization;
using System.Text.Json;
using Nectar.Core.Numerics;

namespace Nectar.Benchmarks.Load.Rpc;

/// <summary>JSON-RPC quantities: hex with a 0x prefix and no leading zeros.</summary>
internal static class Quantity
{
    /// <summary>Formats a number as a quantity.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The quantity text.</returns>
    public static string Format(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Parses a quantity (or a decimal string) into 64 bits.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether the text held a number that fits.</returns>
    public static bool TryParseUInt64(string text, out ulong value) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>Reads a quantity from a JSON string.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">The element is not a 64-bit quantity.</exception>
    public static ulong ToUInt64(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && TryParseUInt64(element.GetString()!, out var value)
            ? value
            : throw new FormatException($"Not a 64-bit quantity: {element.GetRawText()}");

    /// <summary>Reads a 256-bit quantity from a JSON string.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">The element is not a quantity.</exception>
    public static UInt256 ToUInt256(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && UInt256.TryParse(element.GetString(), out var value)
            ? value
            : throw new FormatException($"Not a quantity: {element.GetRawText()}");
}
