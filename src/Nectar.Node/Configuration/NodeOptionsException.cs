namespace Nectar.Node.Configuration;

/// <summary>The node's configuration could not be read or is invalid; <see cref="Problems"/> lists every problem with its JSON path.</summary>
public sealed class NodeOptionsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NodeOptionsException()
        : this([])
    {
    }

    /// <summary>Creates the exception with one problem.</summary>
    /// <param name="message">The problem.</param>
    public NodeOptionsException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public NodeOptionsException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Creates the exception listing problems.</summary>
    /// <param name="problems">Each problem, prefixed with its path.</param>
    public NodeOptionsException(IReadOnlyList<string> problems)
        : base(Format(problems)) => Problems = problems;

    /// <summary>Every problem, prefixed with its path.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 0 ? "Invalid node options." : "Invalid node options:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems);
    }
}
