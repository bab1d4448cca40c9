using Nectar.Core.Primitives;

namespace Nectar.Evm;

/// <summary>The outcome of a top-level call or creation.</summary>
public readonly struct CallResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="error">Why it failed, <see cref="EvmError.Revert"/>, or <see cref="EvmError.None"/>.</param>
    /// <param name="gasLeft">Gas returned to the caller (zero after an exceptional halt).</param>
    /// <param name="output">Return or revert data (for a creation, the deployed code).</param>
    /// <param name="contractAddress">The address a creation used, whether or not it succeeded.</param>
    public CallResult(EvmError error, long gasLeft, byte[] output, Address? contractAddress)
    {
        Error = error;
        GasLeft = gasLeft;
        Output = output;
        ContractAddress = contractAddress;
    }

    /// <summary>Why it failed, <see cref="EvmError.Revert"/>, or <see cref="EvmError.None"/> on success.</summary>
    public EvmError Error { get; }

    /// <summary>Gas left over.</summary>
    public long GasLeft { get; }

    /// <summary>Return or revert data.</summary>
    public byte[] Output { get; }

    /// <summary>For a creation, the new contract's address.</summary>
    public Address? ContractAddress { get; }

    /// <summary>Whether the call succeeded (state changes kept).</summary>
    public bool Success => Error == EvmError.None;
}
