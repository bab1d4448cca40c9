using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.Load.Targets;

/// <summary>One of the node's development accounts: its key and, on Nectar, a session token issued at start.</summary>
/// <param name="Address">The account.</param>
/// <param name="PrivateKey">Its 32-byte private key.</param>
/// <param name="Token">Its bearer token, or null where the node needs none (anvil).</param>
internal sealed record DevAccount(Address Address, byte[] PrivateKey, string? Token);
