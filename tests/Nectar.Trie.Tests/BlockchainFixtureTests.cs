using System.Text.Json;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Tests;

namespace Nectar.Trie.Tests;

/// <summary>
/// Roots recomputed from ethereum/tests BlockchainTests/ValidBlocks: the transactions and withdrawals roots of every
/// block from its RLP, and the state roots of the genesis and final states from their accounts and storage.
/// </summary>
public sealed class BlockchainFixtureTests
{
    public static TheoryData<string> Files()
    {
        var root = Fixtures.Shared("ethereum-tests", "BlockchainTests", "ValidBlocks");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Transactions_and_withdrawals_roots_match_every_block_header(string file)
    {
        foreach (var test in Load(file))
        {
            foreach (var block in test.GetProperty("blocks").EnumerateArray())
            {
                var header = block.GetProperty("blockHeader");
                var (transactions, withdrawals) = DecodeBody(Hex.Decode(block.GetProperty("rlp").GetString()));
                Assert.Equal(Hash256.Parse(header.GetProperty("transactionsTrie").GetString()), TrieRoots.Ordered(transactions));
                if (header.TryGetProperty("withdrawalsRoot", out var withdrawalsRoot))
                {
                    Assert.Equal(Hash256.Parse(withdrawalsRoot.GetString()), TrieRoots.Ordered(withdrawals));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void State_roots_of_the_genesis_and_final_states_match_the_headers(string file)
    {
        foreach (var test in Load(file))
        {
            Assert.Equal(
                Hash256.Parse(test.GetProperty("genesisBlockHeader").GetProperty("stateRoot").GetString()),
                StateRoot(test.GetProperty("pre")));

            if (!test.TryGetProperty("postState", out var post))
            {
                continue;
            }

            var last = test.GetProperty("lastblockhash").GetString();
            var header = test.GetProperty("blocks").EnumerateArray()
                .Select(b => b.GetProperty("blockHeader"))
                .Single(h => h.GetProperty("hash").GetString() == last);
            Assert.Equal(Hash256.Parse(header.GetProperty("stateRoot").GetString()), StateRoot(post));
        }
    }

    [Fact]
    public void Covers_every_fixture_file()
    {
        Assert.Equal(79, Files().Count);
    }

    /// <summary>
    /// The account trie: keccak(address) -> rlp([nonce, balance, storageRoot, codeHash]), each storage trie
    /// keccak(slot) -> rlp(value) for the non-zero slots.
    /// </summary>
    internal static Hash256 StateRoot(JsonElement accounts)
    {
        var state = new SecureTrie();
        foreach (var account in accounts.EnumerateObject())
        {
            var storage = new SecureTrie();
            foreach (var slot in account.Value.GetProperty("storage").EnumerateObject())
            {
                var value = FixtureHex.Quantity(slot.Value.GetString()!);
                if (value.Length > 0)
                {
                    storage.Set(FixtureHex.Word(slot.Name), Rlp.EncodeBytes(value));
                }
            }

            var code = FixtureHex.Bytes(account.Value.GetProperty("code").GetString()!);
            state.Set(
                FixtureHex.Bytes(account.Name),
                Rlp.EncodeList(
                    Rlp.EncodeBytes(FixtureHex.Quantity(account.Value.GetProperty("nonce").GetString()!)),
                    Rlp.EncodeBytes(FixtureHex.Quantity(account.Value.GetProperty("balance").GetString()!)),
                    Rlp.EncodeBytes(storage.RootHash.Bytes),
                    Rlp.EncodeBytes(Keccak256.Compute(code).Bytes)));
        }

        return state.RootHash;
    }

    /// <summary>
    /// The trie items of a block body: a legacy transaction is its RLP list, a typed one the payload of the byte
    /// string wrapping it (type byte and fields); withdrawals are their RLP lists.
    /// </summary>
    private static (byte[][] Transactions, byte[][] Withdrawals) DecodeBody(byte[] blockRlp)
    {
        var reader = new RlpReader(blockRlp);
        var block = reader.ReadList();
        block.Skip();
        var transactions = new List<byte[]>();
        var list = block.ReadList();
        while (list.HasMore)
        {
            transactions.Add(list.IsList ? list.ReadEncodedItem().ToArray() : list.ReadBytes().ToArray());
        }

        block.Skip();
        var withdrawals = new List<byte[]>();
        if (block.HasMore)
        {
            var items = block.ReadList();
            while (items.HasMore)
            {
                withdrawals.Add(items.ReadEncodedItem().ToArray());
            }
        }

        return ([.. transactions], [.. withdrawals]);
    }

    private static List<JsonElement> Load(string file)
    {
        var path = Fixtures.Shared("ethereum-tests", "BlockchainTests", "ValidBlocks", file);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateObject().Select(p => p.Value.Clone())];
    }
}
