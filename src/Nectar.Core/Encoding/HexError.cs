namespace Nectar.Core.Encoding;

/// <summary>Why a hex string could not be decoded.</summary>
public enum HexError
{
    /// <summary>The input was decoded.</summary>
    None = 0,

    /// <summary>The digits (after any prefix) are of odd count, so they do not form whole bytes.</summary>
    OddLength = 1,

    /// <summary>A character other than <c>0-9</c>, <c>a-f</c>, <c>A-F</c> appears among the digits.</summary>
    InvalidCharacter = 2,

    /// <summary>The <c>0x</c> prefix is required but missing.</summary>
    MissingPrefix = 3,

    /// <summary>The destination is shorter than the decoded bytes.</summary>
    DestinationTooShort = 4,
}
