using System.Globalization;
using System.Text.Json;
using Nectar.Core.Numerics;

namespace Nectar.Contracts.Storage;

/// <summary>A contract's storage layout as the compiler reports it: the state variables and the types they use.</summary>
public sealed class StorageLayout
{
    private readonly StorageVariable[] _variables;
    private readonly Dictionary<string, StorageType> _types;

    /// <summary>Creates a layout.</summary>
    /// <param name="variables">The state variables in declaration order.</param>
    /// <param name="types">The types by identifier.</param>
    public StorageLayout(IReadOnlyList<StorageVariable> variables, IReadOnlyDictionary<string, StorageType> types)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(types);
        _variables = [.. variables];
        _types = new Dictionary<string, StorageType>(types, StringComparer.Ordinal);
    }

    /// <summary>The state variables in declaration order.</summary>
    public IReadOnlyList<StorageVariable> Variables => _variables;

    /// <summary>The types by compiler identifier.</summary>
    public IReadOnlyDictionary<string, StorageType> Types => _types;

    /// <summary>The state variable with this name.</summary>
    /// <param name="label">The variable name.</param>
    /// <returns>The variable.</returns>
    /// <exception cref="KeyNotFoundException">No such variable.</exception>
    public StorageVariable GetVariable(string label)
    {
        foreach (var variable in _variables)
        {
            if (string.Equals(variable.Label, label, StringComparison.Ordinal))
            {
                return variable;
            }
        }

        throw new KeyNotFoundException($"The storage layout has no variable {label}.");
    }

    /// <summary>The type with this identifier.</summary>
    /// <param name="typeId">A type identifier from a variable, member, key, value or base.</param>
    /// <returns>The type.</returns>
    /// <exception cref="KeyNotFoundException">No such type.</exception>
    public StorageType GetStorageType(string typeId) =>
        _types.TryGetValue(typeId, out var type) ? type : throw new KeyNotFoundException($"The storage layout has no type {typeId}.");

    /// <summary>Reads the compiler's <c>storageLayout</c> object (<c>storage</c> and <c>types</c>).</summary>
    internal static StorageLayout FromJson(JsonElement element)
    {
        var variables = ReadVariables(element.GetProperty("storage"));
        var types = new Dictionary<string, StorageType>(StringComparer.Ordinal);
        if (element.TryGetProperty("types", out var typesElement) && typesElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in typesElement.EnumerateObject())
            {
                var type = property.Value;
                types[property.Name] = new StorageType(
                    property.Name,
                    type.GetProperty("label").GetString()!,
                    ParseEncoding(type.GetProperty("encoding").GetString()!),
                    UInt256.Parse(type.GetProperty("numberOfBytes").GetString()!),
                    OptionalString(type, "key"),
                    OptionalString(type, "value"),
                    OptionalString(type, "base"),
                    type.TryGetProperty("members", out var members) ? ReadVariables(members) : null);
            }
        }

        return new StorageLayout(variables, types);
    }

    private static StorageVariable[] ReadVariables(JsonElement array)
    {
        var variables = new StorageVariable[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            variables[i++] = new StorageVariable(
                item.GetProperty("label").GetString()!,
                UInt256.Parse(item.GetProperty("slot").GetString()!),
                item.GetProperty("offset").GetInt32(),
                item.GetProperty("type").GetString()!);
        }

        return variables;
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static StorageEncoding ParseEncoding(string encoding) => encoding switch
    {
        "inplace" => StorageEncoding.Inplace,
        "mapping" => StorageEncoding.Mapping,
        "dynamic_array" => StorageEncoding.DynamicArray,
        "bytes" => StorageEncoding.Bytes,
        _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Unknown storage encoding '{encoding}'.")),
    };
}
