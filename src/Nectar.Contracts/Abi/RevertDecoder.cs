namespace Nectar.Contracts.Abi;

/// <summary>
/// Interprets revert data: <c>Error(string)</c>, <c>Panic(uint256)</c>, and the custom errors it was given, by
/// selector. Revert data comes from untrusted code, so decoding never throws: anything malformed or unknown is
/// <see cref="RevertKind.Unrecognized"/>.
/// </summary>
public sealed class RevertDecoder
{
    private readonly Dictionary<AbiSelector, AbiError> _errors = [];

    /// <summary>Creates a decoder that knows the given custom errors (and always the built-in two).</summary>
    /// <param name="errors">The custom errors; on a selector shared by two signatures the first wins.</param>
    public RevertDecoder(IEnumerable<AbiError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        _errors[AbiError.Error.Selector] = AbiError.Error;
        _errors[AbiError.Panic.Selector] = AbiError.Panic;
        foreach (var error in errors)
        {
            ArgumentNullException.ThrowIfNull(error, nameof(errors));
            _errors.TryAdd(error.Selector, error);
        }
    }

    /// <summary>A decoder for <c>Error(string)</c> and <c>Panic(uint256)</c> only.</summary>
    public static RevertDecoder Standard { get; } = new([]);

    /// <summary>A decoder that knows the custom errors of the given contracts (reverts often come from a callee).</summary>
    /// <param name="abis">The contracts' ABIs.</param>
    /// <returns>The decoder.</returns>
    public static RevertDecoder For(params IEnumerable<ContractAbi> abis)
    {
        ArgumentNullException.ThrowIfNull(abis);
        var errors = new List<AbiError>();
        foreach (var abi in abis)
        {
            errors.AddRange(abi.Errors);
        }

        return new RevertDecoder(errors);
    }

    /// <summary>Decodes revert data.</summary>
    /// <param name="data">The revert data.</param>
    /// <returns>What it is; never throws on malformed data.</returns>
    public RevertReason Decode(ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty)
        {
            return new RevertReason(RevertKind.Empty, data, null, []);
        }

        if (!AbiSelector.TryRead(data.Span, out var selector) || !_errors.TryGetValue(selector, out var error))
        {
            return new RevertReason(RevertKind.Unrecognized, data, null, []);
        }

        AbiValue[] arguments;
        try
        {
            arguments = error.Decode(data.Span);
        }
        catch (AbiDecodingException)
        {
            return new RevertReason(RevertKind.Unrecognized, data, null, []);
        }

        var kind = ReferenceEquals(error, AbiError.Error) ? RevertKind.Error
            : ReferenceEquals(error, AbiError.Panic) ? RevertKind.Panic
            : RevertKind.CustomError;
        return new RevertReason(kind, data, error, arguments);
    }
}
