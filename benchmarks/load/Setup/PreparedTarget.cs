using Nectar.Benchmarks.Load.Rpc;
using Nectar.Benchmarks.Load.Targets;
using Nectar.Benchmarks.Load.Workload;
using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.Load.Setup;

/// <summary>A node ready for load: token deployed, senders admitted, funded and signed in, every transfer signed.</summary>
/// <param name="Endpoint">The node.</param>
/// <param name="Rpc">The client every phase shares.</param>
/// <param name="Token">The ERC-20 contract.</param>
/// <param name="Ledger">The signed transfers and what happens to them.</param>
/// <param name="SenderTokens">Each sender's bearer token (null on anvil).</param>
/// <param name="SetupSeconds">How long the setup took (not part of any figure).</param>
internal sealed record PreparedTarget(
    TargetEndpoint Endpoint, JsonRpcHttpClient Rpc, Address Token, TransferLedger Ledger, string?[] SenderTokens, double SetupSeconds);
