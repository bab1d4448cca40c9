using Nectar.Core.Primitives;

namespace Nectar.Contracts;

/// <summary>
/// The fixed addresses of Nectar's system contracts, predeployed in genesis. They start with the ASCII bytes of
/// "Nectar" (<c>0x4e6563746172</c>) and end with the contract's number, far from the precompiles and from
/// addresses that keys or CREATE could produce by chance.
/// </summary>
public static class SystemContracts
{
    /// <summary>The account registry (<c>AccountRegistry.sol</c>): <c>0x4e65637461720000000000000000000000000001</c>.</summary>
    public static Address AccountRegistry { get; } = Address.Parse("0x4e65637461720000000000000000000000000001");
}
