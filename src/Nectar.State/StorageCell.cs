using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.State;

/// <summary>An (address, slot) pair: the key of transient storage and of flat storage.</summary>
/// <param name="Address">The account.</param>
/// <param name="Slot">The slot key.</param>
public readonly record struct StorageCell(Address Address, UInt256 Slot)
{
    /// <summary>Length of the flat storage key: the 20-byte address followed by the 32-byte big-endian slot.</summary>
    public const int KeyLength = Address.Length + 32;

    /// <summary>Writes the flat storage key (address then big-endian slot), which keeps an account's slots adjacent.</summary>
    /// <param name="destination">At least <see cref="KeyLength"/> bytes.</param>
    public void WriteKey(Span<byte> destination)
    {
        Address.CopyTo(destination);
        Slot.ToBigEndian(destination.Slice(Address.Length, 32));
    }
}
