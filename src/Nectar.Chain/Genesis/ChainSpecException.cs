namespace Nectar.Chain.Genesis;

/// <summary>A chain spec that cannot be used; <see cref="Errors"/> lists every problem found, each with its JSON path.</summary>
public sealed class ChainSpecException : Exception
{
    /// <summary>Creates the exception for a list of problems.</summary>
    /// <param name="errors">The problems; at least one.</param>
    public ChainSpecException(IReadOnlyList<ChainSpecError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for one problem.</summary>
    /// <param name="path">The JSON path.</param>
    /// <param name="problem">What is wrong.</param>
    public ChainSpecException(string path, string problem)
        : this([new ChainSpecError(path, problem)])
    {
    }

    /// <summary>Creates the exception without details (prefer the constructors that name the problem).</summary>
    public ChainSpecException()
        : this("$", "The chain spec is invalid.")
    {
    }

    /// <summary>Creates the exception with a message for the document as a whole.</summary>
    /// <param name="message">What is wrong.</param>
    public ChainSpecException(string message)
        : this("$", message)
    {
    }

    /// <summary>Creates the exception with a message for the document as a whole and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ChainSpecException(string message, Exception innerException)
        : base($"Invalid chain spec: $: {message}", innerException)
    {
        Errors = [new ChainSpecError("$", message)];
    }

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<ChainSpecError> Errors { get; }

    private static string Describe(IReadOnlyList<ChainSpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count switch
        {
            0 => "Invalid chain spec.",
            1 => $"Invalid chain spec: {errors[0]}",
            _ => $"Invalid chain spec ({errors.Count} problems):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors),
        };
    }
}
