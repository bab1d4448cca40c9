namespace Nectar.Privacy.Sessions;

/// <summary>
/// A text is not a well-formed EIP-4361 message. The message names the 1-based line and the field at fault,
/// e.g. <c>Line 9 (Nonce): the nonce must be at least 8 letters or digits.</c>
/// </summary>
public sealed class SiweFormatException : FormatException
{
    /// <summary>Creates an exception without details.</summary>
    public SiweFormatException()
        : this(0, string.Empty, "The text is not a Sign-In with Ethereum message.")
    {
    }

    /// <summary>Creates an exception with a message of its own and no line.</summary>
    /// <param name="message">The message.</param>
    public SiweFormatException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    /// <summary>Creates an exception with a message of its own, no line, and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SiweFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>Creates an exception naming the line and field at fault.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="field">The field expected or found on that line.</param>
    /// <param name="problem">What is wrong, as a sentence.</param>
    public SiweFormatException(int line, string field, string problem)
        : base(Describe(line, field, problem))
    {
        Line = line;
        Field = field;
    }

    /// <summary>The 1-based line at fault, or 0 when none was given.</summary>
    public int Line { get; }

    /// <summary>The field expected or found on that line (e.g. <c>Chain ID</c>), or empty.</summary>
    public string Field { get; }

    internal static string Describe(int line, string field, string problem) => $"Line {line} ({field}): {problem}";
}
