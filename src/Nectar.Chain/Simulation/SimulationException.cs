namespace Nectar.Chain.Simulation;

/// <summary>A simulation that could not run, with go-ethereum's wording for the reason.</summary>
public sealed class SimulationException : Exception
{
    /// <summary>Creates an exception.</summary>
    public SimulationException()
        : this(SimulationError.ExecutionFailed, "simulation failed")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SimulationException(string message)
        : this(SimulationError.ExecutionFailed, message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SimulationException(string message, Exception innerException)
        : base(message, innerException) => Error = SimulationError.ExecutionFailed;

    /// <summary>Creates an exception.</summary>
    /// <param name="error">The kind of failure.</param>
    /// <param name="message">The message for the caller.</param>
    public SimulationException(SimulationError error, string message)
        : base(message) => Error = error;

    /// <summary>The kind of failure.</summary>
    public SimulationError Error { get; }
}
