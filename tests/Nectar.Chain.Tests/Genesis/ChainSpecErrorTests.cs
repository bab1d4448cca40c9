using Nectar.Chain.Genesis;

namespace Nectar.Chain.Tests.Genesis;

/// <summary>Every rule of the chain-spec format refuses its violation with the JSON path and a precise problem.</summary>
public sealed class ChainSpecErrorTests
{
    private const string Base = """ "name": "x", "chainId": 1, "forks": { "genesis": "prague" } """;

    public static TheoryData<string, string, string> Violations => new()
    {
        { "{", "$", "not valid JSON" },
        { "[]", "$", "must be an object" },
        { """{ "chainId": 1, "forks": { "genesis": "prague" } }""", "$.name", "required" },
        { """{ "name": "", "chainId": 1, "forks": { "genesis": "prague" } }""", "$.name", "must not be empty" },
        { """{ "name": 7, "chainId": 1, "forks": { "genesis": "prague" } }""", "$.name", "must be a string" },
        { """{ "name": "x", "forks": { "genesis": "prague" } }""", "$.chainId", "required" },
        { """{ "name": "x", "chainId": 0, "forks": { "genesis": "prague" } }""", "$.chainId", "from 1 to" },
        { """{ "name": "x", "chainId": "9223372036854775790", "forks": { "genesis": "prague" } }""", "$.chainId", "from 1 to" },
        { """{ "name": "x", "chainId": -1, "forks": { "genesis": "prague" } }""", "$.chainId", "non-negative integer" },
        { """{ "name": "x", "chainId": 1.5, "forks": { "genesis": "prague" } }""", "$.chainId", "non-negative integer" },
        { """{ "name": "x", "chainId": "abc", "forks": { "genesis": "prague" } }""", "$.chainId", "hex digits" },
        { """{ "name": "x", "chainId": 1 }""", "$.forks", "required" },
        { """{ "name": "x", "chainId": 1, "forks": {} }""", "$.forks.genesis", "required" },
        { """{ "name": "x", "chainId": 1, "forks": { "genesis": "london" } }""", "$.forks.genesis", "after the Merge" },
        { """{ "name": "x", "chainId": 1, "forks": { "genesis": "osaka2" } }""", "$.forks.genesis", "not a fork" },
        { """{ "name": "x", "chainId": 1, "forks": { "genesis": "prague", "cancun": 5 } }""", "$.forks.cancun", "after the genesis fork" },
        { """{ "name": "x", "chainId": 1, "forks": { "genesis": "shanghai", "prague": 0 } }""", "$.forks.prague", "after the genesis timestamp" },
        { """{ "name": "x", "chainId": 1, "forks": { "genesis": "shanghai", "prague": 5, "cancun": 9 } }""", "$.forks.prague", "after cancun" },
        { """{ "name": "x", "chainId": 1, "forks": { "genesis": "shanghai", "prague": "soon" } }""", "$.forks.prague", "hex digits" },
        { """{ "chainID": 1, "name": "x", "chainId": 1, "forks": { "genesis": "prague" } }""", "$.chainID", "unknown key" },
        { """{ "name": "x", "name": "y", "chainId": 1, "forks": { "genesis": "prague" } }""", "$.name", "appears twice" },
        { "{" + Base + """, "genesis": { "gasLimit": 4999 } }""", "$.genesis.gasLimit", "from 5000" },
        { "{" + Base + """, "genesis": { "gaslimit": 30000000 } }""", "$.genesis.gaslimit", "unknown key" },
        { "{" + Base + """, "genesis": { "extraData": "0x000000000000000000000000000000000000000000000000000000000000000000" } }""", "$.genesis.extraData", "at most 32 bytes" },
        { "{" + Base + """, "genesis": { "extraData": "nectar" } }""", "$.genesis.extraData", "hex bytes" },
        { "{" + Base + """, "genesis": { "coinbase": "0xF39fd6e51aad88F6F4ce6aB8827279cffFb92266" } }""", "$.genesis.coinbase", "not an address" },
        { "{" + Base + """, "genesis": { "timestamp": "18446744073709551616" } }""", "$.genesis.timestamp", "at most 2^64 - 1" },
        { "{" + Base + """, "genesis": { "baseFeePerGas": "1.5 wei" } }""", "$.genesis.baseFeePerGas", "whole number of wei" },
        { "{" + Base + """, "genesis": { "baseFeePerGas": "1 eth" } }""", "$.genesis.baseFeePerGas", "unknown unit" },
        { "{" + Base + """, "genesis": { "baseFeePerGas": "1  gwei" } }""", "$.genesis.baseFeePerGas", "unknown unit" },
        { "{" + Base + """, "genesis": { "baseFeePerGas": ".5 gwei" } }""", "$.genesis.baseFeePerGas", "decimal amount" },
        { "{" + Base + """, "genesis": [] }""", "$.genesis", "must be an object" },
        { "{" + Base + """, "predeploys": { "create2deployer": false } }""", "$.predeploys.create2deployer", "unknown key" },
        { "{" + Base + """, "predeploys": { "historyStorage": "no" } }""", "$.predeploys.historyStorage", "true or false" },
        { "{" + Base + """, "alloc": { "0x12": {} } }""", "$.alloc[\"0x12\"]", "not an address" },
        { "{" + Base + """, "alloc": { "0x4e59b44847b379578588920ca78fbf26c0b4956c": {} } }""", "$.alloc[\"0x4e59b44847b379578588920ca78fbf26c0b4956c\"]", "predeploy" },
        { "{" + Base + """, "alloc": { "0x00000000000000000000000000000000000000aa": { "balanec": 1 } } }""", "$.alloc[\"0x00000000000000000000000000000000000000aa\"].balanec", "unknown key" },
        { "{" + Base + """, "alloc": { "0x00000000000000000000000000000000000000aa": { "balance": -1 } } }""", "$.alloc[\"0x00000000000000000000000000000000000000aa\"].balance", "non-negative" },
        { "{" + Base + """, "alloc": { "0x00000000000000000000000000000000000000aa": { "nonce": "0x10000000000000000" } } }""", "$.alloc[\"0x00000000000000000000000000000000000000aa\"].nonce", "at most 2^64 - 1" },
        { "{" + Base + """, "alloc": { "0x00000000000000000000000000000000000000aa": { "code": "0x600" } } }""", "$.alloc[\"0x00000000000000000000000000000000000000aa\"].code", "hex bytes" },
        { "{" + Base + """, "alloc": { "0x00000000000000000000000000000000000000aa": { "storage": { "slot": "0x1" } } } }""", "$.alloc[\"0x00000000000000000000000000000000000000aa\"].storage.slot", "hex digits" },
        { "{" + Base + """, "alloc": { "0x00000000000000000000000000000000000000aa": { "storage": { "0x1": "0x1", "0x01": "0x2" } } } }""", "$.alloc[\"0x00000000000000000000000000000000000000aa\"].storage[\"0x01\"]", "a second time" },
        { "{" + Base + """, "alloc": { "0x00000000000000000000000000000000000000aa": {}, "0x00000000000000000000000000000000000000AA": {} } }""", "$.alloc[\"0x00000000000000000000000000000000000000AA\"]", "a second time" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Refuses_the_violation_naming_its_path(string json, string path, string problem)
    {
        var exception = Assert.Throws<ChainSpecException>(() => ChainSpecLoader.Parse(json));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var exception = Assert.Throws<ChainSpecException>(() => ChainSpecLoader.Parse("""
            {
              "name": "",
              "chainId": 0,
              "forks": { "genesis": "frontier" },
              "genesis": { "gasLimit": 1 },
              "alloc": { "0x00000000000000000000000000000000000000aa": { "balance": "lots" } }
            }
            """));

        Assert.Equal(["$.name", "$.chainId", "$.genesis.gasLimit", "$.forks.genesis", "$.alloc[\"0x00000000000000000000000000000000000000aa\"].balance"], exception.Errors.Select(e => e.Path));
        Assert.Contains("5 problems", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_quote_keys_that_are_not_identifiers()
    {
        Assert.Equal("$.alloc", ChainSpecPath.Property("$", "alloc"));
        Assert.Equal("$[\"0xab\"]", ChainSpecPath.Property("$", "0xab"));
        Assert.Equal("$[\"a\\\"b\"]", ChainSpecPath.Property("$", "a\"b"));
        Assert.Equal("$.members[2]", ChainSpecPath.Element("$.members", 2));
    }
}
