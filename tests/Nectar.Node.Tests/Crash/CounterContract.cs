namespace Nectar.Node.Tests.Crash;

/// <summary>
/// A contract counting calls per caller, <c>storage[CALLER] += 1</c>, so calls from several senders change storage in
/// every block without contending for one slot.
/// </summary>
internal static class CounterContract
{
    /// <summary>Gas for one call: the first call of a caller writes a cold slot from zero (about 44,000).</summary>
    public const ulong CallGas = 60_000;

    /// <summary>Gas for the deployment.</summary>
    public const ulong DeployGas = 100_000;

    // Init (10 bytes): PUSH1 8, PUSH1 10, PUSH0, CODECOPY, PUSH1 8, PUSH0, RETURN: returns the 8 bytes that follow.
    // Runtime (8 bytes): CALLER, SLOAD, PUSH1 1, ADD, CALLER, SSTORE, STOP.

    /// <summary>Creation code that deploys the counter.</summary>
    public static byte[] CreationCode { get; } = Convert.FromHexString("6008600a5f3960085ff3" + "3354600101335500");
}
