using System.Reflection;
using System.Runtime.InteropServices;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Modules;

/// <summary>The implementation of <see cref="IWeb3RpcModule"/>.</summary>
public sealed class Web3RpcModule : IWeb3RpcModule
{
    private readonly string _clientVersion;

    /// <summary>Creates the module.</summary>
    /// <param name="clientVersion">The version string to report; by default built from this assembly's version.</param>
    public Web3RpcModule(string? clientVersion = null) => _clientVersion = clientVersion ?? DefaultClientVersion();

    /// <inheritdoc />
    public string ClientVersion() => _clientVersion;

    /// <inheritdoc />
    public Hash256 Sha3(byte[] data) => Keccak256.Compute(data);

    /// <summary>The default version string: <c>Nectar/v{version}/{runtime id}/dotnet{runtime version}</c>.</summary>
    /// <returns>The version string.</returns>
    public static string DefaultClientVersion()
    {
        var informational = typeof(Web3RpcModule).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var version = informational.Split('+')[0];
        return $"Nectar/v{version}/{RuntimeInformation.RuntimeIdentifier}/dotnet{Environment.Version}";
    }
}
