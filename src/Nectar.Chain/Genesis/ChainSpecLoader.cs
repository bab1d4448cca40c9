using System.Text.Json;
using Nectar.Chain.Validation;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;

namespace Nectar.Chain.Genesis;

/// <summary>
/// Reads a chain spec from JSON, checks every field and answers with a <see cref="ChainSpec"/> or with a
/// <see cref="ChainSpecException"/> listing every problem by JSON path.
/// </summary>
/// <remarks>
/// <para>The format (comments and trailing commas are allowed; unknown keys are errors):</para>
/// <code>
/// {
///   "name": "Nectar Devnet",                        // required
///   "chainId": 632827,                              // required, 1 .. (2^64 - 37) / 2
///   "forks": { "genesis": "cancun",                 // required: paris or later
///              "prague": 1767225600 },              // optional later forks: first timestamp of each
///   "genesis": {                                    // optional, every field defaulted
///     "timestamp": 0, "gasLimit": 30000000, "baseFeePerGas": "1 gwei",
///     "coinbase": "0x0000000000000000000000000000000000000000", "extraData": "0x" },
///   "predeploys": { "create2Deployer": true, "historyStorage": true },   // optional, both on by default
///   "alloc": { "0xf39F…2266": { "balance": "10000 ether", "nonce": 0, "code": "0x…", "storage": { "0x0": "0x1" } } }
/// }
/// </code>
/// <para>
/// Quantities are JSON numbers below 2^64, or strings: <c>0x</c> hex, decimal, or an amount with a unit (wei, gwei,
/// ether). Sections named in the <c>extensionSections</c> argument are accepted as they are and handed over in
/// <see cref="ChainSpec.Extensions"/>: the chain stays ignorant of what other layers keep in genesis.
/// </para>
/// </remarks>
public static class ChainSpecLoader
{
    /// <summary>The largest chain id: EIP-155's v = chainId * 2 + 36 must fit in 64 bits.</summary>
    public const ulong MaxChainId = (ulong.MaxValue - 36) / 2;

    private static readonly string[] TopLevelKeys = ["name", "chainId", "forks", "genesis", "predeploys", "alloc"];
    private static readonly string[] GenesisKeys = ["timestamp", "gasLimit", "baseFeePerGas", "coinbase", "extraData"];
    private static readonly string[] AccountKeys = ["balance", "nonce", "code", "storage"];
    private static readonly string[] PredeployKeys = ["create2Deployer", "historyStorage"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 32,
    };

    /// <summary>Reads a chain spec from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="extensionSections">Top-level sections to accept and hand over unread (for example <c>registry</c>).</param>
    /// <returns>The chain spec.</returns>
    /// <exception cref="ChainSpecException">The JSON is malformed or breaks a rule; every problem is listed.</exception>
    public static ChainSpec Parse(string json, params IReadOnlyCollection<string> extensionSections)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(extensionSections);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new ChainSpecException(ChainSpecPath.Root, $"is not valid JSON: {e.Message}");
        }

        using (document)
        {
            return Read(document.RootElement, extensionSections);
        }
    }

    /// <summary>Reads a chain spec from a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="extensionSections">Top-level sections to accept and hand over unread.</param>
    /// <returns>The chain spec.</returns>
    /// <exception cref="ChainSpecException">The JSON is malformed or breaks a rule.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ChainSpec LoadFile(string path, params IReadOnlyCollection<string> extensionSections)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), extensionSections);
    }

    private static ChainSpec Read(JsonElement root, IReadOnlyCollection<string> extensionSections)
    {
        foreach (var extension in extensionSections)
        {
            if (TopLevelKeys.Contains(extension, StringComparer.Ordinal))
            {
                throw new ArgumentException($"\"{extension}\" is a section of the chain spec itself, not an extension.", nameof(extensionSections));
            }
        }

        var reader = new ChainSpecReader();
        if (!reader.ReadObject(root, ChainSpecPath.Root, [.. TopLevelKeys, .. extensionSections]))
        {
            reader.ThrowIfErrors();
        }

        var name = Required(reader, root, "name") is { } nameValue ? reader.ReadString(nameValue, ChainSpecPath.Property(ChainSpecPath.Root, "name")) : null;
        var chainId = ReadChainId(reader, root);
        var genesis = ReadGenesisFields(reader, root);
        var (genesisFork, activations) = ReadForks(reader, root, genesis.Timestamp);
        var predeploys = ReadPredeploys(reader, root);
        var alloc = ReadAlloc(reader, root, predeploys);

        var extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var extension in extensionSections)
        {
            if (root.TryGetProperty(extension, out var section))
            {
                extensions[extension] = section.Clone();
            }
        }

        reader.ThrowIfErrors();
        var forks = new ForkSchedule(genesisFork!, activations.Select(a => (a.Timestamp, ForkSpec.For(a.Fork))));
        foreach (var (address, account) in Predeploys.Accounts(predeploys))
        {
            alloc[address] = account;
        }

        var genesisSpec = new GenesisSpec
        {
            Alloc = alloc,
            Timestamp = genesis.Timestamp,
            GasLimit = genesis.GasLimit,
            BaseFeePerGas = genesis.BaseFee,
            Coinbase = genesis.Coinbase,
            ExtraData = genesis.ExtraData,
        };
        return new ChainSpec(name!, chainId, forks, activations, genesisSpec, predeploys, extensions);
    }

    private static JsonElement? Required(ChainSpecReader reader, JsonElement parent, string key, string parentPath = ChainSpecPath.Root)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out var value))
        {
            return value;
        }

        reader.Report(ChainSpecPath.Property(parentPath, key), "is required.");
        return null;
    }

    private static JsonElement? Optional(JsonElement parent, string key) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out var value) ? value : null;

    private static ulong ReadChainId(ChainSpecReader reader, JsonElement root)
    {
        var path = ChainSpecPath.Property(ChainSpecPath.Root, "chainId");
        if (Required(reader, root, "chainId") is not { } value || reader.ReadUInt64(value, path) is not { } chainId)
        {
            return 0;
        }

        if (chainId is 0 or > MaxChainId)
        {
            reader.Report(path, $"must be from 1 to {MaxChainId} (EIP-155 signatures carry chainId * 2 + 36 in 64 bits), found {chainId}.");
        }

        return chainId;
    }

    private static GenesisFields ReadGenesisFields(ChainSpecReader reader, JsonElement root)
    {
        var fields = new GenesisFields { GasLimit = ChainSpec.DefaultGasLimit, BaseFee = new UInt256(BaseFee.InitialBaseFee) };
        const string path = "$.genesis";
        if (Optional(root, "genesis") is not { } genesis || !reader.ReadObject(genesis, path, GenesisKeys))
        {
            return fields;
        }

        if (Optional(genesis, "timestamp") is { } timestamp && reader.ReadUInt64(timestamp, path + ".timestamp") is { } time)
        {
            fields.Timestamp = time;
        }

        if (Optional(genesis, "gasLimit") is { } gasLimit && reader.ReadUInt64(gasLimit, path + ".gasLimit") is { } limit)
        {
            if (limit is < HeaderRules.MinGasLimit or > HeaderRules.MaxGasLimit)
            {
                reader.Report(path + ".gasLimit", $"must be from {HeaderRules.MinGasLimit} to {HeaderRules.MaxGasLimit}, found {limit}.");
            }

            fields.GasLimit = limit;
        }

        if (Optional(genesis, "baseFeePerGas") is { } baseFee && reader.ReadQuantity(baseFee, path + ".baseFeePerGas") is { } fee)
        {
            fields.BaseFee = fee;
        }

        if (Optional(genesis, "coinbase") is { } coinbase && reader.ReadAddress(coinbase, path + ".coinbase") is { } beneficiary)
        {
            fields.Coinbase = beneficiary;
        }

        if (Optional(genesis, "extraData") is { } extraData && reader.ReadBytes(extraData, path + ".extraData", HeaderRules.MaxExtraDataLength) is { } extra)
        {
            fields.ExtraData = extra;
        }

        return fields;
    }

    private static (ForkSpec? Genesis, List<ForkActivation> Activations) ReadForks(ChainSpecReader reader, JsonElement root, ulong genesisTimestamp)
    {
        const string path = "$.forks";
        var activations = new List<ForkActivation>();
        if (Required(reader, root, "forks") is not { } forks || !reader.ReadMap(forks, path, out var properties))
        {
            return (null, activations);
        }

        ForkSpec? genesis = null;
        if (Required(reader, forks, "genesis", path) is { } genesisName && reader.ReadString(genesisName, path + ".genesis") is { } name)
        {
            genesis = ReadFork(reader, name, path + ".genesis");
        }

        foreach (var property in properties)
        {
            if (property.Name == "genesis")
            {
                continue;
            }

            var forkPath = ChainSpecPath.Property(path, property.Name);
            var fork = ReadFork(reader, property.Name, forkPath);
            if (reader.ReadUInt64(property.Value, forkPath) is not { } timestamp || fork is null)
            {
                continue;
            }

            if (genesis is not null && fork.Fork <= genesis.Fork)
            {
                reader.Report(forkPath, $"must come after the genesis fork ({genesis.Name.ToLowerInvariant()}).");
            }
            else if (timestamp <= genesisTimestamp)
            {
                reader.Report(forkPath, $"must activate after the genesis timestamp ({genesisTimestamp}); to start with {fork.Name.ToLowerInvariant()}, make it the genesis fork.");
            }
            else
            {
                activations.Add(new ForkActivation(fork.Fork, timestamp));
            }
        }

        activations.Sort(static (a, b) => a.Fork.CompareTo(b.Fork));
        for (var i = 1; i < activations.Count; i++)
        {
            if (activations[i].Timestamp <= activations[i - 1].Timestamp)
            {
                var later = ForkSpec.For(activations[i].Fork).Name.ToLowerInvariant();
                var earlier = ForkSpec.For(activations[i - 1].Fork).Name.ToLowerInvariant();
                reader.Report(ChainSpecPath.Property(path, later), $"must activate after {earlier} ({activations[i - 1].Timestamp}), found {activations[i].Timestamp}.");
            }
        }

        return (genesis, activations);
    }

    private static ForkSpec? ReadFork(ChainSpecReader reader, string name, string path)
    {
        if (!ForkSpec.TryGet(name, out var spec))
        {
            reader.Report(path, $"\"{name}\" is not a fork Nectar knows; use paris, shanghai, cancun or prague.");
            return null;
        }

        if (spec.Fork < Fork.Paris)
        {
            // Block validation implements the rules after the Merge only (no proof-of-work seal, no ommers).
            reader.Report(path, $"Nectar chains run after the Merge; \"{name}\" comes before it (use paris or later).");
            return null;
        }

        return spec;
    }

    private static ChainPredeploys ReadPredeploys(ChainSpecReader reader, JsonElement root)
    {
        const string path = "$.predeploys";
        var predeploys = ChainPredeploys.Default;
        if (Optional(root, "predeploys") is not { } section || !reader.ReadObject(section, path, PredeployKeys))
        {
            return predeploys;
        }

        Switch(reader, section, "create2Deployer", ChainPredeploys.Create2Deployer, ref predeploys);
        Switch(reader, section, "historyStorage", ChainPredeploys.HistoryStorage, ref predeploys);
        return predeploys;
    }

    private static void Switch(ChainSpecReader reader, JsonElement section, string key, ChainPredeploys flag, ref ChainPredeploys predeploys)
    {
        if (Optional(section, key) is { } value && reader.ReadBoolean(value, "$.predeploys." + key) is { } on)
        {
            predeploys = on ? predeploys | flag : predeploys & ~flag;
        }
    }

    private static Dictionary<Address, GenesisAccount> ReadAlloc(ChainSpecReader reader, JsonElement root, ChainPredeploys predeploys)
    {
        const string path = "$.alloc";
        var alloc = new Dictionary<Address, GenesisAccount>();
        if (Optional(root, "alloc") is not { } section || !reader.ReadMap(section, path, out var properties))
        {
            return alloc;
        }

        var predeployed = Predeploys.Accounts(predeploys);
        foreach (var property in properties)
        {
            var accountPath = ChainSpecPath.Property(path, property.Name);
            if (reader.ReadAddress(property.Name, accountPath) is not { } address)
            {
                continue;
            }

            if (predeployed.ContainsKey(address))
            {
                reader.Report(accountPath, "is the address of a predeploy that is switched on; switch it off in $.predeploys to define the account here.");
                continue;
            }

            if (ReadAccount(reader, property.Value, accountPath) is not { } account)
            {
                continue;
            }

            if (!alloc.TryAdd(address, account))
            {
                reader.Report(accountPath, $"allocates {address} a second time (addresses differ only in letter case).");
            }
        }

        return alloc;
    }

    private static GenesisAccount? ReadAccount(ChainSpecReader reader, JsonElement value, string path)
    {
        if (!reader.ReadObject(value, path, AccountKeys))
        {
            return null;
        }

        var errors = reader.Errors.Count;
        var balance = Optional(value, "balance") is { } b ? reader.ReadQuantity(b, path + ".balance") : UInt256.Zero;
        var nonce = Optional(value, "nonce") is { } n ? reader.ReadUInt64(n, path + ".nonce") : 0;
        var code = Optional(value, "code") is { } c ? reader.ReadBytes(c, path + ".code") : [];
        var storage = new Dictionary<UInt256, UInt256>();
        if (Optional(value, "storage") is { } s && reader.ReadMap(s, path + ".storage", out var slots))
        {
            foreach (var slot in slots)
            {
                var slotPath = ChainSpecPath.Property(path + ".storage", slot.Name);
                if (reader.ReadQuantity(slot.Name, slotPath) is { } key
                    && reader.ReadQuantity(slot.Value, slotPath) is { } word
                    && !storage.TryAdd(key, word))
                {
                    reader.Report(slotPath, $"sets slot {key} a second time (the keys differ only in how they are written).");
                }
            }
        }

        if (reader.Errors.Count != errors)
        {
            return null;
        }

        return new GenesisAccount { Balance = balance!.Value, Nonce = nonce!.Value, Code = code!, Storage = storage };
    }

    private struct GenesisFields
    {
        public ulong Timestamp;
        public ulong GasLimit;
        public UInt256 BaseFee;
        public Address Coinbase;
        public byte[] ExtraData;
    }
}
