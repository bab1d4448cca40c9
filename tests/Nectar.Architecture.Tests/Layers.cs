namespace Nectar.Architecture.Tests;

/// <summary>
/// The layer of every project under src/. A project may reference only projects of a strictly lower
/// layer; projects sharing a layer are siblings and never reference each other.
/// </summary>
internal static class Layers
{
    public static readonly IReadOnlyDictionary<string, int> Rank = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Nectar.Core"] = 0,
        ["Nectar.Crypto"] = 1,
        ["Nectar.Contracts"] = 1,
        ["Nectar.Db"] = 2,
        ["Nectar.Crypto.Secp256k1"] = 2,
        ["Nectar.Db.RocksDb"] = 3,
        ["Nectar.Trie"] = 3,
        ["Nectar.State"] = 4,
        ["Nectar.Evm"] = 5,
        ["Nectar.Chain"] = 6,
        ["Nectar.Conformance"] = 7,
        ["Nectar.Compliance"] = 7,
        ["Nectar.Privacy"] = 8,
        ["Nectar.JsonRpc"] = 9,
        ["Nectar.JsonRpc.Server"] = 10,
        ["Nectar.Node"] = 11,
        ["Nectar.Cli"] = 20,
    };

    /// <summary>Projects that bind a native library; only the composition roots may reference them.</summary>
    public static readonly IReadOnlySet<string> NativeBindings = new HashSet<string>(StringComparer.Ordinal)
    {
        "Nectar.Crypto.Secp256k1",
        "Nectar.Db.RocksDb",
    };

    /// <summary>Projects allowed to compose the node (reference native bindings and every area).</summary>
    public static readonly IReadOnlySet<string> CompositionRoots = new HashSet<string>(StringComparer.Ordinal)
    {
        "Nectar.Node",
        "Nectar.Cli",
    };

    /// <summary>The only project allowed to reference ASP.NET Core.</summary>
    public static readonly IReadOnlySet<string> WebServer = new HashSet<string>(StringComparer.Ordinal)
    {
        "Nectar.JsonRpc.Server",
    };
}
