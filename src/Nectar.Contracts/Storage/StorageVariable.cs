using Nectar.Core.Numerics;

namespace Nectar.Contracts.Storage;

/// <summary>A state variable or a struct member in a compiler storage layout: where it lives and its type.</summary>
public sealed class StorageVariable
{
    /// <summary>Creates a variable entry.</summary>
    /// <param name="label">The variable or member name.</param>
    /// <param name="slot">The slot, relative to the struct's base slot for members.</param>
    /// <param name="offset">The byte offset inside the slot, counted from the least significant end.</param>
    /// <param name="typeId">The compiler's type identifier, a key of <see cref="StorageLayout.Types"/>.</param>
    public StorageVariable(string label, UInt256 slot, int offset, string typeId)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(typeId);
        Label = label;
        Slot = slot;
        Offset = offset;
        TypeId = typeId;
    }

    /// <summary>The variable or member name.</summary>
    public string Label { get; }

    /// <summary>The slot (relative to the base slot of the enclosing struct for members).</summary>
    public UInt256 Slot { get; }

    /// <summary>The byte offset inside the slot, from the least significant end.</summary>
    public int Offset { get; }

    /// <summary>The compiler's type identifier, e.g. <c>t_uint64</c> or <c>t_mapping(t_address,t_struct(Member)80_storage)</c>.</summary>
    public string TypeId { get; }

    /// <summary>The label, slot, offset and type.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Label} @ slot {Slot} offset {Offset}: {TypeId}";
}
