namespace Nectar.JsonRpc.Modules;

/// <summary>The <c>net_</c> namespace: network identity.</summary>
public interface INetRpcModule
{
    /// <summary>The network id, which on Nectar is the chain id, in decimal (as clients expect).</summary>
    /// <returns>The chain id in decimal.</returns>
    [JsonRpcMethod("net_version", Description = "Returns the network id (the chain id) in decimal.", IsPublic = true)]
    string Version();

    /// <summary>Whether the node is accepting requests (always true while it answers).</summary>
    /// <returns><see langword="true"/>.</returns>
    [JsonRpcMethod("net_listening", Description = "Returns true while the node accepts requests.")]
    bool Listening();
}
