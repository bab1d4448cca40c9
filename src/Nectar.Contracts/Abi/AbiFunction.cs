namespace Nectar.Contracts.Abi;

/// <summary>A contract function: its signature and selector, and the encoding of its call data and return data.</summary>
public sealed class AbiFunction
{
    /// <summary>Creates a function description.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="inputs">The parameter list (a tuple type).</param>
    /// <param name="outputs">The return list (a tuple type).</param>
    /// <param name="stateMutability">What the function may do.</param>
    /// <exception cref="ArgumentException">A list is not a tuple type, or the name is empty.</exception>
    public AbiFunction(string name, AbiType inputs, AbiType outputs, StateMutability stateMutability = StateMutability.NonPayable)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        AbiEncoder.RequireTuple(inputs);
        AbiEncoder.RequireTuple(outputs);
        Name = name;
        Inputs = inputs;
        Outputs = outputs;
        StateMutability = stateMutability;
        Signature = name + inputs.CanonicalName;
        Selector = AbiSelector.FromSignature(Signature);
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The parameters, as a tuple type.</summary>
    public AbiType Inputs { get; }

    /// <summary>The return values, as a tuple type.</summary>
    public AbiType Outputs { get; }

    /// <summary>What the function may do to state.</summary>
    public StateMutability StateMutability { get; }

    /// <summary>The canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The first four bytes of the Keccak-256 of <see cref="Signature"/>.</summary>
    public AbiSelector Selector { get; }

    /// <summary>
    /// Parses a signature with optional return types in the form tools such as cast accept:
    /// <c>balanceOf(address)</c> or <c>balanceOf(address)(uint256)</c>.
    /// </summary>
    /// <param name="signature">The name, the canonical parameter list, and optionally the canonical return list.</param>
    /// <returns>The function (non-payable; the signature does not say).</returns>
    /// <exception cref="FormatException">The signature is malformed.</exception>
    public static AbiFunction Parse(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0)
        {
            throw new FormatException($"A signature is a name followed by a parameter list, got '{signature}'.");
        }

        var name = signature[..open];
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '$')
            {
                throw new FormatException($"'{name}' is not a valid function name.");
            }
        }

        var close = FindClosing(signature, open);
        var inputs = AbiType.ParseParameterList(signature[open..(close + 1)]);
        var outputs = close + 1 == signature.Length ? AbiType.EmptyTuple : AbiType.ParseParameterList(signature[(close + 1)..]);
        return new AbiFunction(name, inputs, outputs);
    }

    /// <summary>The length of the call data for these arguments: four bytes of selector and the encoding.</summary>
    /// <param name="arguments">One value per parameter.</param>
    /// <returns>The length in bytes.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count differs.</exception>
    public int GetCallDataLength(ReadOnlySpan<AbiValue> arguments) => checked(AbiSelector.Length + AbiEncoder.GetEncodedLength(Inputs, arguments));

    /// <summary>Encodes call data: the selector and the arguments.</summary>
    /// <param name="arguments">One value per parameter.</param>
    /// <returns>The call data.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count differs.</exception>
    public byte[] EncodeCall(params ReadOnlySpan<AbiValue> arguments) => AbiEncoder.EncodeWithSelector(Selector, Inputs, arguments);

    /// <summary>Encodes call data into <paramref name="destination"/> without allocating.</summary>
    /// <param name="arguments">One value per parameter.</param>
    /// <param name="destination">Room for <see cref="GetCallDataLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count differs.</exception>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public int EncodeCall(ReadOnlySpan<AbiValue> arguments, Span<byte> destination) =>
        AbiEncoder.EncodeWithSelector(Selector, Inputs, arguments, destination);

    /// <summary>Decodes call data: checks the selector and decodes the arguments.</summary>
    /// <param name="callData">The selector and the encoded arguments.</param>
    /// <returns>One value per parameter.</returns>
    /// <exception cref="AbiDecodingException">The selector differs or the data is malformed.</exception>
    public AbiValue[] DecodeCall(ReadOnlySpan<byte> callData) => AbiDecoder.DecodeWithSelector(Selector, Inputs, callData);

    /// <summary>Encodes return data (what the function returns).</summary>
    /// <param name="results">One value per return value.</param>
    /// <returns>The return data.</returns>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or the count differs.</exception>
    public byte[] EncodeOutput(params ReadOnlySpan<AbiValue> results) => AbiEncoder.Encode(Outputs, results);

    /// <summary>Decodes return data.</summary>
    /// <param name="returnData">The data a call returned.</param>
    /// <returns>One value per return value.</returns>
    /// <exception cref="AbiDecodingException">The data is malformed.</exception>
    public AbiValue[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiDecoder.Decode(Outputs, returnData);

    /// <summary>The signature with the return list, e.g. <c>balanceOf(address)(uint256)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Outputs.Components.Count == 0 ? Signature : Signature + Outputs.CanonicalName;

    private static int FindClosing(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return i;
            }
        }

        throw new FormatException($"Unbalanced parentheses in '{text}'.");
    }
}
