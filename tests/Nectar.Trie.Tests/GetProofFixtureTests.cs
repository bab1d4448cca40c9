using System.Text.Json;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Tests;

namespace Nectar.Trie.Tests;

/// <summary>
/// Proofs served by another client in execution-apis' eth_getProof cases: the verifier accepts them and
/// recovers the account and the storage values they return.
/// </summary>
public sealed class GetProofFixtureTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Fixtures.Shared("execution-apis", "eth_getProof"), "*.io").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Account_and_storage_proofs_verify_and_yield_the_returned_values(string file)
    {
        var result = Response(file);
        var accountProof = Proof(result.GetProperty("accountProof"));

        // The cases carry no block header, so the state root is the hash of the first proof node.
        var stateRoot = Keccak256.Compute(accountProof[0]);
        var address = FixtureHex.Bytes(result.GetProperty("address").GetString()!);
        Assert.True(TrieProof.TryVerify(stateRoot, Keccak256.Compute(address).Bytes, accountProof, out var account));

        var storageHash = FixtureHex.Bytes(result.GetProperty("storageHash").GetString()!);
        var expectedAccount = Rlp.EncodeList(
            Rlp.EncodeBytes(FixtureHex.Quantity(result.GetProperty("nonce").GetString()!)),
            Rlp.EncodeBytes(FixtureHex.Quantity(result.GetProperty("balance").GetString()!)),
            Rlp.EncodeBytes(storageHash),
            Rlp.EncodeBytes(FixtureHex.Bytes(result.GetProperty("codeHash").GetString()!)));
        Assert.Equal(Convert.ToHexString(expectedAccount), Convert.ToHexString(account!));

        foreach (var entry in result.GetProperty("storageProof").EnumerateArray())
        {
            var slot = Keccak256.Compute(FixtureHex.Word(entry.GetProperty("key").GetString()!));
            var value = FixtureHex.Quantity(entry.GetProperty("value").GetString()!);
            Assert.True(TrieProof.TryVerify(new(storageHash), slot.Bytes, Proof(entry.GetProperty("proof")), out var stored));
            if (value.Length == 0)
            {
                Assert.Null(stored);
            }
            else
            {
                Assert.Equal(Convert.ToHexString(Rlp.EncodeBytes(value)), Convert.ToHexString(stored!));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Account_proof_fails_against_another_root(string file)
    {
        var result = Response(file);
        var accountProof = Proof(result.GetProperty("accountProof"));
        var address = FixtureHex.Bytes(result.GetProperty("address").GetString()!);
        var otherRoot = Keccak256.Compute(accountProof[^1]);
        Assert.False(TrieProof.TryVerify(otherRoot, Keccak256.Compute(address).Bytes, accountProof, out _));
    }

    private static byte[][] Proof(JsonElement nodes) => [.. nodes.EnumerateArray().Select(n => Hex.Decode(n.GetString()))];

    private static JsonElement Response(string file)
    {
        var line = File.ReadLines(Fixtures.Shared("execution-apis", "eth_getProof", file)).Single(l => l.StartsWith("<<", StringComparison.Ordinal));
        using var document = JsonDocument.Parse(line[2..]);
        return document.RootElement.GetProperty("result").Clone();
    }
}
