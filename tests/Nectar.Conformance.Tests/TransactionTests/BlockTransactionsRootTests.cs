using System.Text.Json;
using Nectar.Core.Blocks;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;
using Nectar.Tests;
using Nectar.Trie;

namespace Nectar.Conformance.Tests.TransactionTests;

/// <summary>
/// The canonical encoding is what the transactions trie holds: for every block of the shipped BlockchainTests, the
/// ordered trie of the decoded transactions' canonical encodings (and of the withdrawals) has the header's root,
/// and every transaction's sender recovers to the fixture's.
/// </summary>
public sealed class BlockTransactionsRootTests
{
    private static readonly Lazy<TransactionSigner> Signer = new(() => new TransactionSigner(new LibSecp256k1()));

    private static string Root => Fixtures.Shared("ethereum-tests", "BlockchainTests");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Transactions_and_withdrawals_roots_match_the_headers(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, file)));
        foreach (var test in document.RootElement.EnumerateObject())
        {
            foreach (var fixtureBlock in test.Value.GetProperty("blocks").EnumerateArray())
            {
                var block = BlockCodec.Decode(Hex.Decode(fixtureBlock.GetProperty("rlp").GetString()!));
                var encoded = block.Transactions.Select(TransactionCodec.Encode).ToArray();
                Assert.Equal(block.Header.TransactionsRoot, TrieRoots.Ordered(encoded));
                var withdrawals = block.Withdrawals!.Value.Select(w => WithdrawalCodec.Encode(w)).ToArray();
                Assert.Equal(block.Header.WithdrawalsRoot, TrieRoots.Ordered(withdrawals));

                var i = 0;
                foreach (var fixtureTransaction in fixtureBlock.GetProperty("transactions").EnumerateArray())
                {
                    var expected = Address.Parse(fixtureTransaction.GetProperty("sender").GetString()!);
                    Assert.Equal(expected, Signer.Value.RecoverSender(block.Transactions[i++]));
                }
            }
        }
    }
}
