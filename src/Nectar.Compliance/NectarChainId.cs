namespace Nectar.Compliance;

/// <summary>Nectar's chain ids.</summary>
public static class NectarChainId
{
    /// <summary>
    /// The default chain id, 632827 (0x9a7fb): "NECTAR" typed on a phone keypad. No chain in the ethereum-lists
    /// registry (chainid.network, chainlist.org) uses it; a network that registers its own id passes it in its spec.
    /// </summary>
    public const ulong Default = 632_827;
}
