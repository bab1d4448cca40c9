using Nectar.Benchmarks.VsAnvil.Measurement;

namespace Nectar.Benchmarks.VsAnvil.Reporting;

/// <summary>Anvil's bare request costs in microseconds, to judge how much of an eth_call figure is JSON-RPC.</summary>
internal sealed class RoundTripReport
{
    /// <summary>eth_chainId round trips.</summary>
    public Samples ChainId { get; } = new();

    /// <summary>eth_call round trips of KeccakLoop.run(0): a call that executes a few dozen gas.</summary>
    public Samples EmptyCall { get; } = new();
}
