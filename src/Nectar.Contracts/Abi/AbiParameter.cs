namespace Nectar.Contracts.Abi;

/// <summary>A named, typed slot in a parameter list or a tuple: a function input or output, an event or error field, a struct member.</summary>
public sealed class AbiParameter
{
    /// <summary>Creates a parameter.</summary>
    /// <param name="name">The name; empty when unnamed.</param>
    /// <param name="type">The ABI type.</param>
    /// <param name="indexed">Whether it is an indexed event parameter (a topic).</param>
    /// <param name="internalType">The Solidity type the compiler reported (e.g. <c>struct AccountRegistry.Member</c>), if any.</param>
    public AbiParameter(string name, AbiType type, bool indexed = false, string? internalType = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
        Indexed = indexed;
        InternalType = internalType;
    }

    /// <summary>The name; empty when unnamed.</summary>
    public string Name { get; }

    /// <summary>The ABI type.</summary>
    public AbiType Type { get; }

    /// <summary>Whether this is an indexed event parameter, carried in a topic rather than in the data.</summary>
    public bool Indexed { get; }

    /// <summary>The Solidity type the compiler reported, if any; informational only.</summary>
    public string? InternalType { get; }

    /// <summary>The canonical type followed by the name, e.g. <c>address account</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Name.Length == 0 ? Type.CanonicalName : $"{Type.CanonicalName} {Name}";
}
