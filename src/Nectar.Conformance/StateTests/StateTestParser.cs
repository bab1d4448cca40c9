using System.Collections.Immutable;
using System.Text.Json;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Conformance.StateTests;

/// <summary>Reads GeneralStateTests files (ethereum/tests and execution-spec-tests fillings).</summary>
public static class StateTestParser
{
    /// <summary>Reads every test of a file.</summary>
    /// <param name="path">A state-test JSON file.</param>
    /// <returns>The tests, in file order.</returns>
    /// <exception cref="InvalidDataException">The file is not a state-test file.</exception>
    public static IReadOnlyList<StateTest> ParseFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 256 });
        return Parse(document.RootElement, path);
    }

    /// <summary>Reads every test of a parsed file.</summary>
    /// <param name="root">The file's root object.</param>
    /// <param name="file">The file name, for messages.</param>
    /// <returns>The tests.</returns>
    /// <exception cref="InvalidDataException">The JSON is not a state-test file.</exception>
    public static IReadOnlyList<StateTest> Parse(JsonElement root, string file)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{file}: a state-test file is a JSON object of tests.");
        }

        var tests = new List<StateTest>();
        foreach (var property in root.EnumerateObject())
        {
            var body = property.Value;
            if (!body.TryGetProperty("post", out var post) || !body.TryGetProperty("transaction", out var transaction))
            {
                throw new InvalidDataException($"{file}: {property.Name} has no post or transaction section.");
            }

            var test = new StateTest
            {
                Name = property.Name,
                File = file,
                Environment = ParseEnvironment(body.GetProperty("env")),
                Pre = ParsePre(body.GetProperty("pre")),
                Transaction = ParseTransaction(transaction),
            };
            foreach (var fork in post.EnumerateObject())
            {
                var position = 0;
                foreach (var entry in fork.Value.EnumerateArray())
                {
                    var indexes = entry.GetProperty("indexes");
                    test.Cases.Add(new StateTestCase
                    {
                        Test = test,
                        Fork = fork.Name,
                        Position = position++,
                        DataIndex = indexes.GetProperty("data").GetInt32(),
                        GasIndex = indexes.GetProperty("gas").GetInt32(),
                        ValueIndex = indexes.GetProperty("value").GetInt32(),
                        ExpectedRoot = Hash256.Parse(entry.GetProperty("hash").GetString()),
                        ExpectedLogsHash = Hash256.Parse(entry.GetProperty("logs").GetString()),
                        TransactionBytes = entry.TryGetProperty("txbytes", out var bytes) ? Hex.Decode(bytes.GetString()) : null,
                        ExpectException = entry.TryGetProperty("expectException", out var exception) ? exception.GetString() : null,
                    });
                }
            }

            tests.Add(test);
        }

        return tests;
    }

    private static StateTestEnvironment ParseEnvironment(JsonElement env)
    {
        var gasLimit = Number(env, "currentGasLimit") ?? UInt256.Zero;
        return new StateTestEnvironment
        {
            Coinbase = ParseAddress(env.GetProperty("currentCoinbase").GetString()),
            GasLimit = gasLimit.ToInt64Saturating(),
            Number = (Number(env, "currentNumber") ?? UInt256.Zero).ToUInt64Saturating(),
            Timestamp = (Number(env, "currentTimestamp") ?? UInt256.Zero).ToUInt64Saturating(),
            BaseFee = Number(env, "currentBaseFee") ?? UInt256.Zero,
            Difficulty = Number(env, "currentDifficulty") ?? UInt256.Zero,
            Random = env.TryGetProperty("currentRandom", out var random) ? Words(random.GetString()) : null,
            ExcessBlobGas = (Number(env, "currentExcessBlobGas") ?? UInt256.Zero).ToUInt64Saturating(),
        };
    }

    private static Dictionary<Address, StateTestAccount> ParsePre(JsonElement pre)
    {
        var accounts = new Dictionary<Address, StateTestAccount>();
        foreach (var property in pre.EnumerateObject())
        {
            var account = property.Value;
            var storage = new Dictionary<UInt256, UInt256>();
            if (account.TryGetProperty("storage", out var slots))
            {
                foreach (var slot in slots.EnumerateObject())
                {
                    storage[ParseNumber(slot.Name) ?? UInt256.Zero] = ParseNumber(slot.Value.GetString()) ?? UInt256.Zero;
                }
            }

            accounts[ParseAddress(property.Name)] = new StateTestAccount
            {
                Balance = Number(account, "balance") ?? UInt256.Zero,
                Nonce = (Number(account, "nonce") ?? UInt256.Zero).ToUInt64Saturating(),
                Code = account.TryGetProperty("code", out var code) ? Hex.Decode(code.GetString()) : [],
                Storage = storage,
            };
        }

        return accounts;
    }

    private static StateTestTransaction ParseTransaction(JsonElement tx)
    {
        var to = tx.TryGetProperty("to", out var toElement) && toElement.GetString() is { Length: > 0 } toText
            ? ParseAddress(toText)
            : (Address?)null;
        var nonce = Number(tx, "nonce");
        return new StateTestTransaction
        {
            Nonce = nonce is { IsUInt64: true } n ? n.U0 : null,
            GasPrice = Number(tx, "gasPrice"),
            MaxFeePerGas = Number(tx, "maxFeePerGas"),
            MaxPriorityFeePerGas = Number(tx, "maxPriorityFeePerGas"),
            To = to,
            SecretKey = Hex.Decode(tx.GetProperty("secretKey").GetString()),
            Data = [.. tx.GetProperty("data").EnumerateArray().Select(d => Hex.Decode(StripLabel(d.GetString())))],
            GasLimit = [.. tx.GetProperty("gasLimit").EnumerateArray().Select(g => ParseNumber(g.GetString()) is { IsUInt64: true } v ? v.U0 : (ulong?)null)],
            Value = [.. tx.GetProperty("value").EnumerateArray().Select(v => ParseNumber(v.GetString()))],
            AccessLists = tx.TryGetProperty("accessLists", out var lists) ? [.. lists.EnumerateArray().Select(ParseAccessList)] : null,
            AuthorizationList = tx.TryGetProperty("authorizationList", out var authorizations) ? ParseAuthorizations(authorizations) : null,
            HasBlobs = tx.TryGetProperty("blobVersionedHashes", out _),
        };
    }

    private static ImmutableArray<AccessListItem>? ParseAccessList(JsonElement list)
    {
        if (list.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var items = ImmutableArray.CreateBuilder<AccessListItem>();
        foreach (var item in list.EnumerateArray())
        {
            var keys = ImmutableArray.CreateBuilder<Hash256>();
            foreach (var key in item.GetProperty("storageKeys").EnumerateArray())
            {
                keys.Add(Words(key.GetString()));
            }

            items.Add(new AccessListItem(ParseAddress(item.GetProperty("address").GetString()), keys.ToImmutable()));
        }

        return items.ToImmutable();
    }

    private static ImmutableArray<Authorization> ParseAuthorizations(JsonElement list)
    {
        var items = ImmutableArray.CreateBuilder<Authorization>();
        foreach (var item in list.EnumerateArray())
        {
            var parity = Number(item, "yParity") ?? Number(item, "v") ?? UInt256.Zero;
            items.Add(new Authorization(
                Number(item, "chainId") ?? UInt256.Zero,
                ParseAddress(item.GetProperty("address").GetString()),
                (Number(item, "nonce") ?? UInt256.Zero).ToUInt64Saturating(),
                (byte)parity.U0,
                Number(item, "r") ?? UInt256.Zero,
                Number(item, "s") ?? UInt256.Zero));
        }

        return items.ToImmutable();
    }

    /// <summary>Addresses in fixtures are case-insensitive: some use mixed case that is not an EIP-55 checksum.</summary>
    private static Address ParseAddress(string? text) => Address.Parse((text ?? string.Empty).ToLowerInvariant());

    private static UInt256? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? ParseNumber(value.GetString()) : null;

    /// <summary>Parses 0x-hex or decimal; null when the value needs more than 256 bits.</summary>
    private static UInt256? ParseNumber(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return UInt256.Zero;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var digits = text.AsSpan(2).TrimStart('0');
            return digits.Length == 0 ? UInt256.Zero : UInt256.TryParse("0x" + digits.ToString(), out var hex) ? hex : null;
        }

        return UInt256.TryParse(text, out var value) ? value : null;
    }

    private static Hash256 Words(string? text)
    {
        var bytes = Hex.Decode(text);
        var padded = new byte[32];
        bytes.AsSpan().CopyTo(padded.AsSpan(32 - bytes.Length));
        return new Hash256(padded);
    }

    /// <summary>Some fillings label data as ":label name 0x..."; the bytes are the last token.</summary>
    private static string StripLabel(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var space = text.LastIndexOf(' ');
        return space < 0 ? text : text[(space + 1)..];
    }
}
