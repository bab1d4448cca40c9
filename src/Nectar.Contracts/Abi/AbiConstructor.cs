namespace Nectar.Contracts.Abi;

/// <summary>A contract's constructor: its arguments are ABI-encoded after the creation bytecode.</summary>
public sealed class AbiConstructor
{
    /// <summary>Creates a constructor description.</summary>
    /// <param name="inputs">The parameters (a tuple type).</param>
    /// <param name="stateMutability">Whether it accepts ether.</param>
    public AbiConstructor(AbiType inputs, StateMutability stateMutability = StateMutability.NonPayable)
    {
        AbiEncoder.RequireTuple(inputs);
        Inputs = inputs;
        StateMutability = stateMutability;
    }

    /// <summary>The parameters, as a tuple type.</summary>
    public AbiType Inputs { get; }

    /// <summary><see cref="StateMutability.Payable"/> or <see cref="StateMutability.NonPayable"/>.</summary>
    public StateMutability StateMutability { get; }

    /// <summary>Encodes the constructor arguments (appended to the creation bytecode to deploy).</summary>
    /// <param name="arguments">One value per parameter.</param>
    /// <returns>The encoded arguments.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count differs.</exception>
    public byte[] EncodeArguments(params ReadOnlySpan<AbiValue> arguments) => AbiEncoder.Encode(Inputs, arguments);
}
