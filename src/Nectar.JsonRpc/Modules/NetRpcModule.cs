using System.Globalization;

namespace Nectar.JsonRpc.Modules;

/// <summary>The implementation of <see cref="INetRpcModule"/>.</summary>
/// <param name="chainId">The chain id.</param>
public sealed class NetRpcModule(ulong chainId) : INetRpcModule
{
    private readonly string _version = chainId.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string Version() => _version;

    /// <inheritdoc />
    public bool Listening() => true;
}
