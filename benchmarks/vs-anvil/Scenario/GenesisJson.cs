using System.Text.Json;
using Nectar.Chain.Genesis;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.VsAnvil.Scenario;

/// <summary>
/// Writes a <see cref="GenesisSpec"/> as the geth-style <c>genesis.json</c> that <c>anvil --init</c> reads, so both
/// nodes start from one allocation: balances, nonces, code and storage, with every fork up to Cancun active at
/// genesis.
/// </summary>
internal static class GenesisJson
{
    /// <summary>Serialises the genesis.</summary>
    /// <param name="genesis">The allocation and header fields.</param>
    /// <param name="chainId">The chain id.</param>
    /// <returns>The UTF-8 JSON, indented, accounts and slots in a fixed order.</returns>
    public static byte[] Write(GenesisSpec genesis, ulong chainId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteConfig(json, chainId);
            json.WriteString("nonce", Quantity(genesis.Nonce));
            json.WriteString("timestamp", Quantity(genesis.Timestamp));
            json.WriteString("extraData", Hex.ToHexString(genesis.ExtraData.Span));
            json.WriteString("gasLimit", Quantity(genesis.GasLimit));
            json.WriteString("gasUsed", Quantity(genesis.GasUsed));
            json.WriteString("difficulty", genesis.Difficulty.ToHexQuantity());
            json.WriteString("mixHash", genesis.MixHash.ToString());
            json.WriteString("coinbase", genesis.Coinbase.ToString());
            json.WriteString("number", Quantity(genesis.Number));
            json.WriteString("parentHash", genesis.ParentHash.ToString());
            if (genesis.BaseFeePerGas is { } baseFee)
            {
                json.WriteString("baseFeePerGas", baseFee.ToHexQuantity());
            }

            json.WriteStartObject("alloc");
            var addresses = genesis.Alloc.Keys.ToList();
            addresses.Sort();
            foreach (var address in addresses)
            {
                WriteAccount(json, address, genesis.Alloc[address]);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteConfig(Utf8JsonWriter json, ulong chainId)
    {
        json.WriteStartObject("config");
        json.WriteNumber("chainId", chainId);
        foreach (var block in (ReadOnlySpan<string>)["homesteadBlock", "eip150Block", "eip155Block", "eip158Block", "byzantiumBlock",
            "constantinopleBlock", "petersburgBlock", "istanbulBlock", "berlinBlock", "londonBlock", "mergeNetsplitBlock"])
        {
            json.WriteNumber(block, 0);
        }

        json.WriteNumber("terminalTotalDifficulty", 0);
        json.WriteBoolean("terminalTotalDifficultyPassed", true);
        json.WriteNumber("shanghaiTime", 0);
        json.WriteNumber("cancunTime", 0);
        json.WriteEndObject();
    }

    private static void WriteAccount(Utf8JsonWriter json, Address address, GenesisAccount account)
    {
        json.WriteStartObject(address.ToString());
        json.WriteString("balance", account.Balance.ToHexQuantity());
        json.WriteString("nonce", Quantity(account.Nonce));
        if (!account.Code.IsEmpty)
        {
            json.WriteString("code", Hex.ToHexString(account.Code.Span));
        }

        if (account.Storage.Count > 0)
        {
            json.WriteStartObject("storage");
            var slots = account.Storage.Keys.ToList();
            slots.Sort();
            foreach (var slot in slots)
            {
                json.WriteString(Word(slot), Word(account.Storage[slot]));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string Quantity(ulong value) => new UInt256(value).ToHexQuantity();

    private static string Word(in UInt256 value)
    {
        Span<byte> bytes = stackalloc byte[32];
        value.ToBigEndian(bytes);
        return Hex.ToHexString(bytes);
    }
}
