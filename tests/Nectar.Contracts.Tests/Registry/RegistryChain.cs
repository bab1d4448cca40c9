using System.Text.Json.Nodes;
using Nectar.Contracts.Registry;
using Nectar.Contracts.Tests.Tooling;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;

namespace Nectar.Contracts.Tests.Registry;

/// <summary>
/// An anvil chain whose genesis predeploys the registry with the sample organizations and members, its storage
/// written by <see cref="AccountRegistryGenesis"/>. Each test starts from the genesis state.
/// </summary>
public sealed class RegistryChain : IDisposable
{
    private string _genesisSnapshot;

    public RegistryChain()
    {
        var storage = new JsonObject();
        foreach (var entry in AccountRegistryGenesis.ComputeStorage(SampleRegistry.Organizations, SampleRegistry.Members))
        {
            storage[Word(entry.Slot)] = Word(entry.Value);
        }

        var alloc = new JsonObject
        {
            [AccountRegistryGenesis.Address.ToString()] = new JsonObject
            {
                ["balance"] = "0x0",
                ["code"] = Hex.ToHexString(AccountRegistryGenesis.Code.Span),
                ["storage"] = storage,
            },
        };
        foreach (var account in new[]
        {
            SampleRegistry.Governor, SampleRegistry.HospitalAdmin, SampleRegistry.Nurse, SampleRegistry.NodeOperator, SampleRegistry.Auditor,
            SampleRegistry.Revoked, SampleRegistry.DormantUser, SampleRegistry.ResearchAdmin, SampleRegistry.Stranger, SampleRegistry.Newcomer,
        })
        {
            alloc[account.ToString()] = new JsonObject { ["balance"] = "0x56bc75e2d63100000" };
        }

        var config = new JsonObject { ["chainId"] = 31337, ["terminalTotalDifficulty"] = 0, ["terminalTotalDifficultyPassed"] = true, ["shanghaiTime"] = 0, ["cancunTime"] = 0 };
        foreach (var fork in new[] { "homestead", "eip150", "eip155", "eip158", "byzantium", "constantinople", "petersburg", "istanbul", "berlin", "london", "mergeNetsplit" })
        {
            config[fork + "Block"] = 0;
        }

        Node = AnvilNode.Start(new JsonObject
        {
            ["config"] = config,
            ["nonce"] = "0x0",
            ["timestamp"] = new UInt256(SampleRegistry.GenesisTime).ToHexQuantity(),
            ["gasLimit"] = "0x1c9c380",
            ["difficulty"] = "0x0",
            ["alloc"] = alloc,
        });
        _genesisSnapshot = Node.Snapshot();
    }

    internal AnvilNode Node { get; }

    /// <summary>Returns the chain to its genesis state.</summary>
    public void Reset()
    {
        Node.Revert(_genesisSnapshot);
        _genesisSnapshot = Node.Snapshot();
    }

    public void Dispose() => Node.Dispose();

    private static string Word(UInt256 value) => Hex.ToHexString(value.ToBigEndian());
}
