namespace Nectar.Contracts.Abi;

/// <summary>
/// ABI data is malformed: it ends early, an offset or length points outside it, a word breaks the padding rules
/// of its type, a string is not UTF-8, or a selector or topic does not match.
/// </summary>
public sealed class AbiDecodingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AbiDecodingException()
        : this("The ABI data is malformed.", -1)
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    /// <param name="message">What is wrong.</param>
    public AbiDecodingException(string message)
        : this(message, -1)
    {
    }

    /// <summary>Creates the exception with a reason and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AbiDecodingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
        Offset = -1;
    }

    /// <summary>Creates the exception with a reason and the offending byte offset.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="offset">The byte offset in the decoded data where the problem lies; -1 when unknown.</param>
    public AbiDecodingException(string message, int offset)
        : base(message)
    {
        Reason = message;
        Offset = offset;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The byte offset in the decoded data (after any selector) where the problem lies; -1 when unknown.</summary>
    public int Offset { get; }

    /// <summary>Which value was being decoded, e.g. <c>orders[2].amount</c>; empty at the top level.</summary>
    public string Path => PathSegments.ToString();

    /// <summary>The reason, the offset and the location.</summary>
    public override string Message
    {
        get
        {
            var where = Offset >= 0 ? $" at byte {Offset}" : string.Empty;
            return PathSegments.IsEmpty ? Reason + where : $"{Reason}{where} (decoding {Path})";
        }
    }

    internal AbiPath PathSegments { get; } = new();
}
