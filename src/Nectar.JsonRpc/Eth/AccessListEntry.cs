using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Eth;

/// <summary>One EIP-2930 access-list entry on the wire: <c>{"address", "storageKeys"}</c>.</summary>
public sealed class AccessListEntry
{
    /// <summary>The account.</summary>
    public Address Address { get; set; }

    /// <summary>Its storage keys.</summary>
    public IReadOnlyList<Hash256> StorageKeys { get; set; } = [];
}
