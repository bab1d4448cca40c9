namespace Nectar.Crypto.Secp256k1.Tests;

/// <summary>One context for the whole test assembly, as the node uses one.</summary>
public sealed class SharedSecp256k1 : IDisposable
{
    public LibSecp256k1 Library { get; } = new();

    public void Dispose() => Library.Dispose();
}
