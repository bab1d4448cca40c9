using System.Diagnostics.CodeAnalysis;

namespace Nectar.Core.Encoding;

/// <summary>Throw helpers for <see cref="RlpReader"/>, kept out of line so the read paths stay small.</summary>
internal static class RlpErrors
{
    [DoesNotReturn]
    public static void EndOfInput(int offset, bool inList) =>
        throw new RlpException(
            inList
                ? $"RLP list content ends at offset {offset} where another item was expected."
                : $"RLP input ends at offset {offset} where an item was expected.",
            offset);

    [DoesNotReturn]
    public static void LengthBeyondInput(int offset, ulong declared, int available, bool inList) =>
        throw new RlpException(
            $"RLP item at offset {offset} declares {declared} payload bytes but only {available} remain in the {Scope(inList)}.",
            offset);

    [DoesNotReturn]
    public static void TruncatedLength(int offset, int lengthOfLength, int available, bool inList) =>
        throw new RlpException(
            $"RLP item at offset {offset} needs {lengthOfLength} length bytes but only {available} remain in the {Scope(inList)}.",
            offset);

    [DoesNotReturn]
    public static void LeadingZeroInLength(int offset) =>
        throw new RlpException($"RLP item at offset {offset} has a length with a leading zero byte.", offset);

    [DoesNotReturn]
    public static void NonMinimalLength(int offset, ulong length) =>
        throw new RlpException(
            $"RLP item at offset {offset} uses the long length form for {length} bytes; lengths below 56 must use the short form.",
            offset);

    [DoesNotReturn]
    public static void WrappedSingleByte(int offset, byte value) =>
        throw new RlpException(
            $"RLP item at offset {offset} wraps the single byte 0x{value:x2} in a string header; bytes below 0x80 encode as themselves.",
            offset);

    [DoesNotReturn]
    public static void ExpectedList(int offset) =>
        throw new RlpException($"Expected an RLP list at offset {offset}, found a byte string.", offset);

    [DoesNotReturn]
    public static void ExpectedBytes(int offset) =>
        throw new RlpException($"Expected an RLP byte string at offset {offset}, found a list.", offset);

    [DoesNotReturn]
    public static void IntegerLeadingZero(int offset) =>
        throw new RlpException($"RLP integer at offset {offset} has a leading zero byte; integers are minimal big-endian.", offset);

    [DoesNotReturn]
    public static void IntegerTooLong(int offset, int length, int maxBytes) =>
        throw new RlpException($"RLP integer at offset {offset} has {length} bytes; at most {maxBytes} fit the target type.", offset);

    [DoesNotReturn]
    public static void WrongLength(int offset, string what, int expected, int actual) =>
        throw new RlpException($"Expected a {expected}-byte RLP string ({what}) at offset {offset}, found {actual} bytes.", offset);

    [DoesNotReturn]
    public static void TrailingBytes(int offset, int count, bool inList) =>
        throw new RlpException(
            inList
                ? $"RLP list has {count} bytes of unexpected content at offset {offset}, after its last expected item."
                : $"RLP input has {count} trailing bytes at offset {offset}, after the top-level item.",
            offset);

    [DoesNotReturn]
    public static void TooDeep(int offset, int maxDepth) =>
        throw new RlpException($"RLP lists nest deeper than {maxDepth} levels at offset {offset}.", offset);

    private static string Scope(bool inList) => inList ? "enclosing list" : "input";
}
