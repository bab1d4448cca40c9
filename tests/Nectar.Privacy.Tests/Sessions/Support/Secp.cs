using Nectar.Crypto.Secp256k1;

namespace Nectar.Privacy.Tests.Sessions.Support;

/// <summary>One native secp256k1 context for the whole test assembly, as the node uses one.</summary>
internal static class Secp
{
    private static readonly Lazy<LibSecp256k1> Shared = new(() => new LibSecp256k1());

    public static LibSecp256k1 Instance => Shared.Value;
}
