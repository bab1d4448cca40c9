using System.Text.Json;
using Nectar.Chain.Genesis;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Conformance.Blockchain;

/// <summary>Reads BlockchainTests files (ethereum/tests fillings).</summary>
public static class BlockchainTestParser
{
    /// <summary>Reads every test of a file.</summary>
    /// <param name="path">A blockchain-test JSON file.</param>
    /// <returns>The tests, in file order.</returns>
    /// <exception cref="InvalidDataException">The file is not a blockchain-test file.</exception>
    public static IReadOnlyList<BlockchainTest> ParseFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 256 });
        return Parse(document.RootElement, path);
    }

    /// <summary>Reads every test of a parsed file.</summary>
    /// <param name="root">The file's root object.</param>
    /// <param name="file">The file name, for messages.</param>
    /// <returns>The tests.</returns>
    /// <exception cref="InvalidDataException">The JSON is not a blockchain-test file.</exception>
    public static IReadOnlyList<BlockchainTest> Parse(JsonElement root, string file)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{file}: a blockchain-test file is a JSON object of tests.");
        }

        var tests = new List<BlockchainTest>();
        foreach (var property in root.EnumerateObject())
        {
            var body = property.Value;
            if (!body.TryGetProperty("genesisBlockHeader", out var genesis) || !body.TryGetProperty("blocks", out var blocks))
            {
                throw new InvalidDataException($"{file}: {property.Name} has no genesisBlockHeader or blocks.");
            }

            tests.Add(new BlockchainTest
            {
                Name = property.Name,
                File = file,
                Network = body.GetProperty("network").GetString() ?? string.Empty,
                GenesisRlp = Hex.Decode(body.GetProperty("genesisRLP").GetString()),
                Genesis = ParseGenesis(genesis, ParseAccounts(body.GetProperty("pre"))),
                GenesisHash = Hash(genesis, "hash"),
                GenesisStateRoot = Hash(genesis, "stateRoot"),
                Blocks = [.. blocks.EnumerateArray().Select(ParseBlock)],
                LastBlockHash = Hash256.Parse(body.GetProperty("lastblockhash").GetString()),
                PostState = body.TryGetProperty("postState", out var post) ? ParseAccounts(post) : null,
                PostStateHash = body.TryGetProperty("postStateHash", out var postHash) ? Hash256.Parse(postHash.GetString()) : null,
            });
        }

        return tests;
    }

    private static BlockchainTestBlock ParseBlock(JsonElement block) => new()
    {
        Rlp = Hex.Decode(block.GetProperty("rlp").GetString()),
        ExpectException = block.TryGetProperty("expectException", out var exception) ? exception.GetString() : null,
    };

    private static GenesisSpec ParseGenesis(JsonElement header, Dictionary<Address, GenesisAccount> alloc) => new()
    {
        Alloc = alloc,
        Number = (Number(header, "number") ?? UInt256.Zero).ToUInt64Saturating(),
        ParentHash = Hash(header, "parentHash"),
        Timestamp = (Number(header, "timestamp") ?? UInt256.Zero).ToUInt64Saturating(),
        GasLimit = (Number(header, "gasLimit") ?? UInt256.Zero).ToUInt64Saturating(),
        GasUsed = (Number(header, "gasUsed") ?? UInt256.Zero).ToUInt64Saturating(),
        ExtraData = Hex.Decode(header.GetProperty("extraData").GetString()),
        Coinbase = ParseAddress(header.GetProperty("coinbase").GetString()),
        Difficulty = Number(header, "difficulty") ?? UInt256.Zero,
        MixHash = Hash(header, "mixHash"),
        Nonce = (Number(header, "nonce") ?? UInt256.Zero).ToUInt64Saturating(),
        BaseFeePerGas = Number(header, "baseFeePerGas"),
        BlobGasUsed = (Number(header, "blobGasUsed") ?? UInt256.Zero).ToUInt64Saturating(),
        ExcessBlobGas = (Number(header, "excessBlobGas") ?? UInt256.Zero).ToUInt64Saturating(),
        ParentBeaconBlockRoot = header.TryGetProperty("parentBeaconBlockRoot", out _) ? Hash(header, "parentBeaconBlockRoot") : default,
    };

    private static Dictionary<Address, GenesisAccount> ParseAccounts(JsonElement accounts)
    {
        var result = new Dictionary<Address, GenesisAccount>();
        foreach (var property in accounts.EnumerateObject())
        {
            var account = property.Value;
            var storage = new Dictionary<UInt256, UInt256>();
            if (account.TryGetProperty("storage", out var slots))
            {
                foreach (var slot in slots.EnumerateObject())
                {
                    storage[ParseNumber(slot.Name)] = ParseNumber(slot.Value.GetString());
                }
            }

            result[ParseAddress(property.Name)] = new GenesisAccount
            {
                Balance = Number(account, "balance") ?? UInt256.Zero,
                Nonce = (Number(account, "nonce") ?? UInt256.Zero).ToUInt64Saturating(),
                Code = account.TryGetProperty("code", out var code) ? Hex.Decode(code.GetString()) : [],
                Storage = storage,
            };
        }

        return result;
    }

    /// <summary>Addresses in fixtures are case-insensitive: some use mixed case that is not an EIP-55 checksum.</summary>
    private static Address ParseAddress(string? text) => Address.Parse((text ?? string.Empty).ToLowerInvariant());

    private static Hash256 Hash(JsonElement element, string name) => Hash256.Parse(element.GetProperty(name).GetString());

    private static UInt256? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? ParseNumber(value.GetString()) : null;

    /// <summary>Parses 0x-hex (leading zeros allowed) or decimal.</summary>
    private static UInt256 ParseNumber(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return UInt256.Zero;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var digits = text.AsSpan(2).TrimStart('0');
            return digits.IsEmpty ? UInt256.Zero : UInt256.Parse("0x" + digits.ToString());
        }

        return UInt256.Parse(text);
    }
}
