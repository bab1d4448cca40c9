using Nectar.Core.Numerics;

namespace Nectar.Contracts.Abi;

/// <summary>The codes of Solidity's <c>Panic(uint256)</c> and what they mean.</summary>
public static class PanicCodes
{
    /// <summary>A generic panic inserted by the compiler.</summary>
    public const ulong Generic = 0x00;

    /// <summary><c>assert</c> failed.</summary>
    public const ulong AssertionFailed = 0x01;

    /// <summary>Checked arithmetic overflowed or underflowed.</summary>
    public const ulong ArithmeticOverflow = 0x11;

    /// <summary>Division or modulo by zero.</summary>
    public const ulong DivisionByZero = 0x12;

    /// <summary>A value converted to an enum was out of range.</summary>
    public const ulong InvalidEnumValue = 0x21;

    /// <summary>A storage byte array was incorrectly encoded.</summary>
    public const ulong InvalidStorageByteArray = 0x22;

    /// <summary><c>pop()</c> on an empty array.</summary>
    public const ulong EmptyArrayPop = 0x31;

    /// <summary>An array index was out of bounds.</summary>
    public const ulong ArrayIndexOutOfBounds = 0x32;

    /// <summary>Too much memory was allocated, or an array was too large.</summary>
    public const ulong OutOfMemory = 0x41;

    /// <summary>A zero-initialised internal function variable was called.</summary>
    public const ulong InvalidInternalFunction = 0x51;

    /// <summary>What a panic code means.</summary>
    /// <param name="code">The code.</param>
    /// <returns>A short description; "unknown panic code" for codes Solidity does not define.</returns>
    public static string Describe(in UInt256 code)
    {
        if (!code.TryGetUInt64(out var value))
        {
            return "unknown panic code";
        }

        return value switch
        {
            Generic => "generic compiler panic",
            AssertionFailed => "assertion failed",
            ArithmeticOverflow => "arithmetic overflow or underflow",
            DivisionByZero => "division or modulo by zero",
            InvalidEnumValue => "value out of range for an enum",
            InvalidStorageByteArray => "incorrectly encoded storage byte array",
            EmptyArrayPop => "pop on an empty array",
            ArrayIndexOutOfBounds => "array index out of bounds",
            OutOfMemory => "out of memory or array too large",
            InvalidInternalFunction => "call to a zero-initialized internal function",
            _ => "unknown panic code",
        };
    }
}
