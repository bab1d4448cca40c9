using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.Load.Setup;

/// <summary>One setup transaction from the admin account.</summary>
/// <param name="To">The recipient, or null for a contract creation.</param>
/// <param name="Value">Wei sent.</param>
/// <param name="Data">Call data or creation code.</param>
/// <param name="GasLimit">The gas limit.</param>
internal sealed record AdminCall(Address? To, UInt256 Value, byte[] Data, ulong GasLimit);
