using System.Text.Json.Serialization;

namespace Nectar.JsonRpc.Eth;

/// <summary>What <c>eth_createAccessList</c> answers: the list, the failure if the message failed, and its gas with the list.</summary>
public sealed class AccessListResponse
{
    /// <summary>The accounts and slots touched.</summary>
    public required IReadOnlyList<AccessListEntry> AccessList { get; init; }

    /// <summary>go-ethereum's text for the failure (<c>execution reverted</c>), absent on success.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>The gas used with the list applied.</summary>
    public ulong GasUsed { get; init; }
}
