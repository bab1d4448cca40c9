namespace Nectar.Contracts.Abi;

/// <summary>A custom error (<c>error Name(…)</c>): revert data is its selector followed by its encoded arguments.</summary>
public sealed class AbiError
{
    /// <summary>The built-in <c>Error(string)</c> of <c>require(condition, "message")</c> and <c>revert("message")</c>.</summary>
    public static readonly AbiError Error = new("Error", AbiType.TupleOf(new AbiParameter("message", AbiType.String)));

    /// <summary>The built-in <c>Panic(uint256)</c> of failed assertions, arithmetic overflow, division by zero and the like.</summary>
    public static readonly AbiError Panic = new("Panic", AbiType.TupleOf(new AbiParameter("code", AbiType.UInt256)));

    /// <summary>Creates an error description.</summary>
    /// <param name="name">The error name.</param>
    /// <param name="inputs">Its parameters (a tuple type).</param>
    /// <exception cref="ArgumentException">The name is empty or the parameters are not a tuple type.</exception>
    public AbiError(string name, AbiType inputs)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        AbiEncoder.RequireTuple(inputs);
        Name = name;
        Inputs = inputs;
        Signature = name + inputs.CanonicalName;
        Selector = AbiSelector.FromSignature(Signature);
    }

    /// <summary>The error name.</summary>
    public string Name { get; }

    /// <summary>The parameters, as a tuple type.</summary>
    public AbiType Inputs { get; }

    /// <summary>The canonical signature, e.g. <c>NotAdmitted(address)</c>.</summary>
    public string Signature { get; }

    /// <summary>The first four bytes of the Keccak-256 of <see cref="Signature"/>.</summary>
    public AbiSelector Selector { get; }

    /// <summary>Encodes revert data: the selector and the arguments.</summary>
    /// <param name="arguments">One value per parameter.</param>
    /// <returns>The revert data.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count differs.</exception>
    public byte[] Encode(params ReadOnlySpan<AbiValue> arguments) => AbiEncoder.EncodeWithSelector(Selector, Inputs, arguments);

    /// <summary>Decodes revert data: checks the selector and decodes the arguments.</summary>
    /// <param name="revertData">The selector and the encoded arguments.</param>
    /// <returns>One value per parameter.</returns>
    /// <exception cref="AbiDecodingException">The selector differs or the data is malformed.</exception>
    public AbiValue[] Decode(ReadOnlySpan<byte> revertData) => AbiDecoder.DecodeWithSelector(Selector, Inputs, revertData);

    /// <summary>The signature.</summary>
    /// <returns><see cref="Signature"/>.</returns>
    public override string ToString() => Signature;
}
