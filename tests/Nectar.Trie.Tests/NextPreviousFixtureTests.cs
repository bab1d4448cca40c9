using System.Text;
using System.Text.Json;
using Nectar.Db;
using Nectar.Tests;

namespace Nectar.Trie.Tests;

/// <summary>ethereum/tests TrieTests/trietestnextprev.json: the key before and after any key.</summary>
public sealed class NextPreviousFixtureTests
{
    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        using var document = JsonDocument.Parse(File.ReadAllText(Fixtures.Shared("ethereum-tests", "TrieTests", "trietestnextprev.json")));
        foreach (var test in document.RootElement.EnumerateObject())
        {
            foreach (var row in test.Value.GetProperty("tests").EnumerateArray())
            {
                data.Add(test.Name, row[0].GetString()!, row[1].GetString()!, row[2].GetString()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_the_previous_and_next_keys(string name, string key, string previous, string next)
    {
        var trie = Build(name);
        AssertNeighbours(trie, key, previous, next);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_the_previous_and_next_keys_in_a_trie_loaded_from_the_store(string name, string key, string previous, string next)
    {
        using var database = new MemoryDatabase("trie");
        var column = database.GetColumn("trie");
        var built = Build(name, column);
        using var batch = database.CreateWriteBatch();
        var root = built.Commit(batch);
        batch.Commit();
        AssertNeighbours(new PatriciaTrie(column, root), key, previous, next);
    }

    [Fact]
    public void Covers_every_case_in_the_fixture_file()
    {
        Assert.Equal(12, Cases().Count);
    }

    private static void AssertNeighbours(PatriciaTrie trie, string key, string previous, string next)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        Assert.Equal(previous.Length > 0, trie.TryGetPrevious(bytes, out var previousKey, out var previousValue));
        Assert.Equal(next.Length > 0, trie.TryGetNext(bytes, out var nextKey, out var nextValue));
        if (previous.Length > 0)
        {
            Assert.Equal(previous, Encoding.UTF8.GetString(previousKey!));
            Assert.Equal(previous, Encoding.UTF8.GetString(previousValue!));
        }

        if (next.Length > 0)
        {
            Assert.Equal(next, Encoding.UTF8.GetString(nextKey!));
            Assert.Equal(next, Encoding.UTF8.GetString(nextValue!));
        }
    }

    private static PatriciaTrie Build(string name, IKeyValueStore? store = null)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Fixtures.Shared("ethereum-tests", "TrieTests", "trietestnextprev.json")));
        var trie = new PatriciaTrie(store);
        foreach (var key in document.RootElement.GetProperty(name).GetProperty("in").EnumerateArray())
        {
            var bytes = Encoding.UTF8.GetBytes(key.GetString()!);
            trie.Set(bytes, bytes);
        }

        return trie;
    }
}
