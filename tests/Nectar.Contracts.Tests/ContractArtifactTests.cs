using System.Reflection;
using System.Text.Json;
using Nectar.Contracts.Abi;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Tests;

namespace Nectar.Contracts.Tests;

public sealed class ContractArtifactTests
{
    public static TheoryData<string> Names => [.. ContractArtifacts.Names];

    [Fact]
    public void Every_source_contract_is_embedded()
    {
        Assert.Equal(["AccountRegistry", "Compute", "Counter", "Erc20", "KeccakLoop"], ContractArtifacts.Names);
    }

    [Fact]
    public void Every_embedded_contract_has_its_own_static_accessor()
    {
        var accessors = typeof(ContractArtifacts).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(ContractArtifact))
            .ToDictionary(p => p.Name, p => (ContractArtifact)p.GetValue(null)!);

        Assert.Equal(ContractArtifacts.Names.Order(StringComparer.Ordinal), accessors.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, artifact) in accessors)
        {
            Assert.Equal(name, artifact.Name);
            Assert.Same(ContractArtifacts.Get(name), artifact);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Embedded_artifact_loads_with_code_and_an_abi(string name)
    {
        var artifact = ContractArtifacts.Get(name);

        Assert.Equal(name, artifact.Name);
        Assert.StartsWith("contracts/", artifact.SourcePath, StringComparison.Ordinal);
        Assert.NotEmpty(artifact.Abi.Functions);
        Assert.True(artifact.Bytecode.Length > artifact.DeployedBytecode.Length);
        Assert.True(artifact.DeployedBytecode.Length > 100);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(artifact.Abi.Json).RootElement.ValueKind);
        Assert.NotNull(artifact.StorageLayout);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Compiled_with_the_pinned_compiler_and_settings(string name)
    {
        var artifact = ContractArtifacts.Get(name);
        using var settings = JsonDocument.Parse(artifact.CompilerSettingsJson);
        var root = settings.RootElement;

        Assert.StartsWith("0.8.30+commit.73712a01", artifact.CompilerVersion, StringComparison.Ordinal);
        Assert.True(root.GetProperty("optimizer").GetProperty("enabled").GetBoolean());
        Assert.Equal(200, root.GetProperty("optimizer").GetProperty("runs").GetInt32());
        Assert.Equal("cancun", root.GetProperty("evmVersion").GetString());
        Assert.Equal("none", root.GetProperty("metadata").GetProperty("bytecodeHash").GetString());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Runtime_code_ends_with_the_compiler_version_and_no_metadata_hash(string name)
    {
        // CBOR {"solc": 0x00081e} and its two-byte length: no IPFS or Swarm hash, so the code is byte-stable.
        var tail = Hex.Decode("a164736f6c634300081e000a");

        Assert.True(ContractArtifacts.Get(name).DeployedBytecode.Span.EndsWith(tail));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Recorded_source_hashes_match_the_sources_on_disk(string name)
    {
        var artifact = ContractArtifacts.Get(name);

        Assert.Contains(artifact.SourcePath, artifact.Sources.Keys);
        foreach (var (path, hash) in artifact.Sources)
        {
            var bytes = File.ReadAllBytes(Path.Combine(Fixtures.RepositoryRoot, path));
            Assert.True(Keccak256.Compute(bytes) == hash, $"{path} changed since {name} was compiled; run node scripts/compile-contracts.mjs.");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Our_selectors_match_the_compilers_method_identifiers(string name)
    {
        var artifact = ContractArtifacts.Get(name);

        Assert.Equal(artifact.MethodIdentifiers.Count, artifact.Abi.Functions.Count);
        foreach (var function in artifact.Abi.Functions)
        {
            Assert.Equal(artifact.MethodIdentifiers[function.Signature], function.Selector);
        }
    }

    [Fact]
    public void Unknown_names_are_refused_with_the_list_of_known_ones()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ContractArtifacts.Get("Missing"));

        Assert.Contains("AccountRegistry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deployment_data_is_the_creation_code_followed_by_the_encoded_constructor_arguments()
    {
        var erc20 = ContractArtifacts.Erc20;
        AbiValue[] arguments = [AbiValue.FromString("Nectar Test"), AbiValue.FromString("NTT"), AbiValue.FromUInt(1_000_000UL)];

        var data = erc20.CreateDeploymentData(arguments);

        Assert.True(data.AsSpan().StartsWith(erc20.Bytecode.Span));
        Assert.Equal(erc20.Abi.Constructor!.EncodeArguments(arguments), data[erc20.Bytecode.Length..]);
        Assert.Throws<AbiEncodingException>(() => erc20.CreateDeploymentData(AbiValue.FromString("only one")));
        Assert.Equal(ContractArtifacts.Counter.Bytecode.ToArray(), ContractArtifacts.Counter.CreateDeploymentData());
    }

    [Fact]
    public void Malformed_artifacts_are_refused()
    {
        Assert.Throws<FormatException>(() => ContractArtifact.Parse("{}"u8));
        Assert.Throws<FormatException>(() => ContractArtifact.Parse("not json"u8));
    }
}
