using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Modules;

/// <summary>The <c>web3_</c> namespace: client identity and Keccak-256.</summary>
public interface IWeb3RpcModule
{
    /// <summary>The client name and version, e.g. <c>Nectar/v1.0.0/linux-x64/dotnet10.0.1</c>.</summary>
    /// <returns>The version string.</returns>
    [JsonRpcMethod("web3_clientVersion", Description = "Returns the client name and version.", IsPublic = true)]
    string ClientVersion();

    /// <summary>Keccak-256 (not SHA3-256) of the given data.</summary>
    /// <param name="data">The bytes to hash.</param>
    /// <returns>The hash.</returns>
    [JsonRpcMethod("web3_sha3", Description = "Returns the Keccak-256 hash of the given data.")]
    Hash256 Sha3(byte[] data);
}
