namespace Nectar.Benchmarks.Load.Targets;

/// <summary>How to reach a running node and what it offers: endpoints, chain id and development accounts.</summary>
/// <param name="Kind">Which node.</param>
/// <param name="RpcUrl">The HTTP JSON-RPC endpoint.</param>
/// <param name="WsUrl">The WebSocket JSON-RPC endpoint.</param>
/// <param name="ChainId">The chain id.</param>
/// <param name="Accounts">The development accounts, in the node's order (on Nectar: 0 admin, 8 auditor, 9 operator).</param>
/// <param name="Mode">How the node produces blocks, in words, for the report.</param>
internal sealed record TargetEndpoint(TargetKind Kind, Uri RpcUrl, Uri WsUrl, ulong ChainId, IReadOnlyList<DevAccount> Accounts, string Mode)
{
    /// <summary>The account that deploys, admits and funds (account 0).</summary>
    public DevAccount Admin => Accounts[0];

    /// <summary>The account whose session watches blocks: the auditor (account 8) on Nectar, account 0 elsewhere.</summary>
    public DevAccount Watcher => Kind == TargetKind.Nectar ? Accounts[8] : Accounts[0];

    /// <summary>A short name for the report.</summary>
    public string Name => Kind == TargetKind.Nectar ? "nectar" : "anvil";
}
