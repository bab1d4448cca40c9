using Nectar.Core.Numerics;

namespace Nectar.State;

/// <summary>One transient storage cell (EIP-1153); a class so journal entries can point at it.</summary>
internal sealed class TransientSlot
{
    public UInt256 Value;
}
