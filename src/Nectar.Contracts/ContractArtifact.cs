using System.Text.Json;
using Nectar.Contracts.Abi;
using Nectar.Contracts.Storage;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Contracts;

/// <summary>
/// One compiled contract from <c>contracts/out</c>: its ABI, creation and runtime bytecode, storage layout, and
/// how it was compiled.
/// </summary>
public sealed class ContractArtifact
{
    private readonly Dictionary<string, Hash256> _sources;
    private readonly Dictionary<string, AbiSelector> _methodIdentifiers;

    private ContractArtifact(
        string name,
        string sourcePath,
        string compilerVersion,
        string compilerSettingsJson,
        Dictionary<string, Hash256> sources,
        ContractAbi abi,
        Dictionary<string, AbiSelector> methodIdentifiers,
        byte[] bytecode,
        byte[] deployedBytecode,
        StorageLayout storageLayout)
    {
        Name = name;
        SourcePath = sourcePath;
        CompilerVersion = compilerVersion;
        CompilerSettingsJson = compilerSettingsJson;
        _sources = sources;
        Abi = abi;
        _methodIdentifiers = methodIdentifiers;
        Bytecode = bytecode;
        DeployedBytecode = deployedBytecode;
        StorageLayout = storageLayout;
    }

    /// <summary>The contract name, e.g. <c>AccountRegistry</c>.</summary>
    public string Name { get; }

    /// <summary>The source file, relative to the repository root, e.g. <c>contracts/system/AccountRegistry.sol</c>.</summary>
    public string SourcePath { get; }

    /// <summary>The full solc version, e.g. <c>0.8.30+commit.73712a01.Emscripten.clang</c>.</summary>
    public string CompilerVersion { get; }

    /// <summary>The compiler settings (optimizer, EVM version, metadata) as JSON.</summary>
    public string CompilerSettingsJson { get; }

    /// <summary>The Keccak-256 of every source file the contract was compiled from, by path.</summary>
    public IReadOnlyDictionary<string, Hash256> Sources => _sources;

    /// <summary>The ABI: raw JSON and parsed functions, events and errors.</summary>
    public ContractAbi Abi { get; }

    /// <summary>The compiler's own selectors, by canonical signature (a cross-check of <see cref="AbiSelector"/>).</summary>
    public IReadOnlyDictionary<string, AbiSelector> MethodIdentifiers => _methodIdentifiers;

    /// <summary>The creation bytecode: constructor code that returns the runtime code; deploy it followed by the encoded constructor arguments.</summary>
    public ReadOnlyMemory<byte> Bytecode { get; }

    /// <summary>The runtime code, as it sits in the state after deployment (and as genesis predeploys it).</summary>
    public ReadOnlyMemory<byte> DeployedBytecode { get; }

    /// <summary>The compiler's storage layout.</summary>
    public StorageLayout StorageLayout { get; }

    /// <summary>The data of a deployment transaction: the creation bytecode followed by the encoded constructor arguments.</summary>
    /// <param name="constructorArguments">One value per constructor parameter; none when there is no constructor.</param>
    /// <returns>The transaction data.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit, or the count differs.</exception>
    public byte[] CreateDeploymentData(params ReadOnlySpan<AbiValue> constructorArguments)
    {
        var inputs = Abi.Constructor?.Inputs ?? AbiType.EmptyTuple;
        var length = AbiEncoder.GetEncodedLength(inputs, constructorArguments);
        var data = new byte[Bytecode.Length + length];
        Bytecode.Span.CopyTo(data);
        AbiEncoder.Encode(inputs, constructorArguments, data.AsSpan(Bytecode.Length));
        return data;
    }

    /// <summary>Reads an artifact written by <c>scripts/compile-contracts.mjs</c>.</summary>
    /// <param name="utf8Json">The artifact's JSON.</param>
    /// <returns>The artifact.</returns>
    /// <exception cref="FormatException">The JSON is not a well-formed artifact.</exception>
    public static ContractArtifact Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var name = root.GetProperty("contractName").GetString()!;
            var compiler = root.GetProperty("compiler");
            var abiElement = root.GetProperty("abi");

            var sources = new Dictionary<string, Hash256>(StringComparer.Ordinal);
            foreach (var source in root.GetProperty("sources").EnumerateObject())
            {
                sources[source.Name] = Hash256.Parse(source.Value.GetString());
            }

            var methodIdentifiers = new Dictionary<string, AbiSelector>(StringComparer.Ordinal);
            foreach (var method in root.GetProperty("methodIdentifiers").EnumerateObject())
            {
                methodIdentifiers[method.Name] = AbiSelector.Parse("0x" + method.Value.GetString());
            }

            return new ContractArtifact(
                name,
                root.GetProperty("sourcePath").GetString()!,
                compiler.GetProperty("version").GetString()!,
                compiler.GetProperty("settings").GetRawText(),
                sources,
                ContractAbi.FromJson(abiElement, abiElement.GetRawText()),
                methodIdentifiers,
                Hex.Decode(root.GetProperty("bytecode").GetString(), HexPrefix.Required),
                Hex.Decode(root.GetProperty("deployedBytecode").GetString(), HexPrefix.Required),
                StorageLayout.FromJson(root.GetProperty("storageLayout")));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("The contract artifact is malformed: " + e.Message, e);
        }
    }

    /// <summary>The name and source.</summary>
    /// <returns>E.g. <c>AccountRegistry (contracts/system/AccountRegistry.sol)</c>.</returns>
    public override string ToString() => $"{Name} ({SourcePath})";
}
