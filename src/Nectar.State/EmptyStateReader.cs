using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.State;

/// <summary>A state with no accounts: the starting point of a genesis or a scratch execution.</summary>
public sealed class EmptyStateReader : IStateReader
{
    private EmptyStateReader()
    {
    }

    /// <summary>The shared instance.</summary>
    public static EmptyStateReader Instance { get; } = new();

    /// <inheritdoc />
    public bool TryGetAccount(Address address, out Account account)
    {
        account = default;
        return false;
    }

    /// <inheritdoc />
    public UInt256 GetStorage(Address address, in UInt256 slot) => UInt256.Zero;

    /// <inheritdoc />
    public byte[]? GetCode(in Hash256 codeHash) => null;
}
