namespace Nectar.Contracts.Abi;

/// <summary>A value does not fit the ABI type it is encoded as (wrong kind, out of range, wrong length).</summary>
public sealed class AbiEncodingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AbiEncodingException()
        : this("The value does not fit its ABI type.")
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    /// <param name="message">Why the value does not fit.</param>
    public AbiEncodingException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>Creates the exception with a reason and a cause.</summary>
    /// <param name="message">Why the value does not fit.</param>
    /// <param name="innerException">The cause.</param>
    public AbiEncodingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Why the value does not fit, without the location.</summary>
    public string Reason { get; }

    /// <summary>Where the value sits among the parameters, e.g. <c>orders[2].amount</c>; empty at the top level.</summary>
    public string Path => PathSegments.ToString();

    /// <summary>The reason followed by the location.</summary>
    public override string Message => PathSegments.IsEmpty ? Reason : $"{Reason} (at {Path})";

    internal AbiPath PathSegments { get; } = new();
}
