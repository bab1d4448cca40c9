namespace Nectar.Core.Encoding;

/// <summary>How a hex decoder treats the <c>0x</c> prefix.</summary>
public enum HexPrefix
{
    /// <summary>Accept the input with or without <c>0x</c>.</summary>
    Optional = 0,

    /// <summary>Reject input that does not start with <c>0x</c>.</summary>
    Required = 1,

    /// <summary>Treat the input as bare digits: an <c>x</c> is then an invalid character.</summary>
    Forbidden = 2,
}
