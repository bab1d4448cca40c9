namespace Nectar.Chain.Simulation;

/// <summary>Why a simulation could not run (as opposed to running and failing, which a <see cref="SimulationResult"/> reports).</summary>
public enum SimulationError
{
    /// <summary>The request's fields contradict each other (both fee styles, a fee cap below the tip).</summary>
    InvalidRequest,

    /// <summary>The state of the requested block is no longer kept.</summary>
    StateUnavailable,

    /// <summary>The message breaks a transaction rule (intrinsic gas, balance, base fee, type); the message says which, in go-ethereum's words.</summary>
    Rejected,

    /// <summary>Gas estimation found no gas limit within the cap (or the sender's allowance) that lets the message succeed.</summary>
    GasExceedsAllowance,

    /// <summary>Gas estimation failed with an error other than a revert or running out of gas.</summary>
    ExecutionFailed,
}
