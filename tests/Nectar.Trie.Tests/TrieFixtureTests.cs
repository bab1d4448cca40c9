using System.Text;
using System.Text.Json;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Db;
using Nectar.Tests;

namespace Nectar.Trie.Tests;

/// <summary>Every root case of ethereum/tests TrieTests, one test case per file and name.</summary>
public sealed class TrieFixtureTests
{
    private static readonly string[] Files =
    [
        "trietest.json",
        "trieanyorder.json",
        "trietest_secureTrie.json",
        "trieanyorder_secureTrie.json",
        "hex_encoded_securetrie_test.json",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Fixtures.Shared("ethereum-tests", "TrieTests", file)));
            foreach (var test in document.RootElement.EnumerateObject())
            {
                data.Add(file, test.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Computes_the_expected_root_by_applying_the_updates(string file, string name)
    {
        var (operations, expected) = Load(file, name);
        var trie = new PatriciaTrie();
        foreach (var (key, value) in operations)
        {
            trie.Set(TrieKey(file, key), value ?? []);
        }

        Assert.Equal(expected, trie.RootHash);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Computes_the_expected_root_through_the_secure_trie_when_keys_are_hashed(string file, string name)
    {
        if (!IsSecure(file))
        {
            return;
        }

        var (operations, expected) = Load(file, name);
        var trie = new SecureTrie();
        foreach (var (key, value) in operations)
        {
            trie.Set(key, value ?? []);
        }

        Assert.Equal(expected, trie.RootHash);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Builder_computes_the_same_root_from_the_final_entries(string file, string name)
    {
        var (operations, expected) = Load(file, name);
        var final = FinalEntries(file, operations);
        Assert.Equal(expected, TrieRoots.Unordered(final));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reopened_trie_has_the_same_root_and_values_after_commit(string file, string name)
    {
        var (operations, expected) = Load(file, name);
        using var database = new MemoryDatabase("trie");
        var column = database.GetColumn("trie");
        var trie = new PatriciaTrie(column);
        foreach (var (key, value) in operations)
        {
            trie.Set(TrieKey(file, key), value ?? []);
        }

        using (var batch = database.CreateWriteBatch())
        {
            Assert.Equal(expected, trie.Commit(batch));
            batch.Commit();
        }

        var reopened = new PatriciaTrie(column, expected);
        Assert.Equal(expected, reopened.RootHash);
        foreach (var entry in FinalEntries(file, operations))
        {
            Assert.Equal(entry.Value, reopened.Get(entry.Key));
        }
    }

    [Fact]
    public void Covers_every_case_in_the_fixture_files()
    {
        Assert.Equal(25, Cases().Count);
    }

    private static bool IsSecure(string file) => file.Contains("secure", StringComparison.OrdinalIgnoreCase);

    private static byte[] TrieKey(string file, byte[] key) => IsSecure(file) ? Keccak256.Compute(key).ToArray() : key;

    private static List<KeyValuePair<byte[], byte[]>> FinalEntries(string file, List<(byte[] Key, byte[]? Value)> operations)
    {
        var map = new Dictionary<string, KeyValuePair<byte[], byte[]>>();
        foreach (var (key, value) in operations)
        {
            var trieKey = TrieKey(file, key);
            var id = Convert.ToHexString(trieKey);
            if (value is null || value.Length == 0)
            {
                map.Remove(id);
            }
            else
            {
                map[id] = new KeyValuePair<byte[], byte[]>(trieKey, value);
            }
        }

        return [.. map.Values];
    }

    private static (List<(byte[] Key, byte[]? Value)> Operations, Hash256 Root) Load(string file, string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Fixtures.Shared("ethereum-tests", "TrieTests", file)));
        var test = document.RootElement.GetProperty(name);
        var operations = new List<(byte[], byte[]?)>();
        var input = test.GetProperty("in");
        if (input.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in input.EnumerateArray())
            {
                operations.Add((Bytes(pair[0])!, Bytes(pair[1])));
            }
        }
        else
        {
            foreach (var property in input.EnumerateObject())
            {
                operations.Add((Text(property.Name), Bytes(property.Value)));
            }
        }

        return (operations, Hash256.Parse(test.GetProperty("root").GetString()));
    }

    /// <summary>Fixture strings are hex when "0x"-prefixed, raw text otherwise; null means delete.</summary>
    internal static byte[]? Bytes(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : Text(element.GetString()!);

    internal static byte[] Text(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal) ? Hex.Decode(text) : Encoding.UTF8.GetBytes(text);
}
