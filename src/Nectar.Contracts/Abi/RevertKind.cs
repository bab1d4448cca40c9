namespace Nectar.Contracts.Abi;

/// <summary>What revert data turned out to be.</summary>
public enum RevertKind
{
    /// <summary>No data: <c>revert()</c>, a failed <c>require</c> without a message, or an out-of-gas style failure.</summary>
    Empty,

    /// <summary><c>Error(string)</c>: <c>require(condition, "message")</c> or <c>revert("message")</c>.</summary>
    Error,

    /// <summary><c>Panic(uint256)</c>: a failed assertion or a checked runtime error (overflow, division by zero, bounds).</summary>
    Panic,

    /// <summary>A custom error known to the decoder, with its arguments.</summary>
    CustomError,

    /// <summary>Data the decoder cannot interpret: an unknown selector, fewer than 4 bytes, or a malformed payload.</summary>
    Unrecognized,
}
