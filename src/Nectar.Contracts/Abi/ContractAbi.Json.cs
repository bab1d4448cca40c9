using System.Text.Json;

namespace Nectar.Contracts.Abi;

public sealed partial class ContractAbi
{
    /// <summary>Parses a JSON ABI: an array of function, constructor, fallback, receive, event and error entries.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The ABI.</returns>
    /// <exception cref="FormatException">The JSON is not a well-formed ABI; the message names the entry.</exception>
    public static ContractAbi Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromJson(document.RootElement, json);
        }
        catch (JsonException e)
        {
            throw new FormatException("The ABI is not valid JSON: " + e.Message, e);
        }
    }

    /// <summary>Builds the ABI from its JSON element; <paramref name="json"/> is kept as <see cref="Json"/>.</summary>
    internal static ContractAbi FromJson(JsonElement root, string json)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("An ABI is a JSON array of entries.");
        }

        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        AbiConstructor? constructor = null;
        bool hasFallback = false, hasReceive = false;
        var index = 0;
        foreach (var entry in root.EnumerateArray())
        {
            try
            {
                // Entries without "type" are functions (the original ABI format).
                var type = entry.TryGetProperty("type", out var t) ? RequireString(t, "type") : "function";
                switch (type)
                {
                    case "function":
                        functions.Add(new AbiFunction(
                            RequireName(entry),
                            ParseParameters(entry, "inputs", allowIndexed: false),
                            ParseParameters(entry, "outputs", allowIndexed: false),
                            ParseMutability(entry)));
                        break;
                    case "constructor":
                        constructor = constructor is null
                            ? new AbiConstructor(ParseParameters(entry, "inputs", allowIndexed: false), ParseMutability(entry))
                            : throw new FormatException("a second constructor");
                        break;
                    case "fallback":
                        hasFallback = true;
                        break;
                    case "receive":
                        hasReceive = true;
                        break;
                    case "event":
                        var anonymous = entry.TryGetProperty("anonymous", out var a) && a.ValueKind == JsonValueKind.True;
                        events.Add(new AbiEvent(RequireName(entry), ParseParameters(entry, "inputs", allowIndexed: true).Components, anonymous));
                        break;
                    case "error":
                        errors.Add(new AbiError(RequireName(entry), ParseParameters(entry, "inputs", allowIndexed: false)));
                        break;
                    default:
                        throw new FormatException($"unknown entry type '{type}'");
                }
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                throw new FormatException($"ABI entry {index}: {e.Message}", e);
            }

            index++;
        }

        return new ContractAbi(json, [.. functions], [.. events], [.. errors], constructor, hasFallback, hasReceive);
    }

    private static AbiType ParseParameters(JsonElement entry, string property, bool allowIndexed)
    {
        if (!entry.TryGetProperty(property, out var list))
        {
            return AbiType.EmptyTuple;
        }

        return AbiType.TupleOf(ParseParameterArray(list, property, allowIndexed, 0));
    }

    private static AbiParameter[] ParseParameterArray(JsonElement list, string property, bool allowIndexed, int depth)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"'{property}' must be an array");
        }

        if (depth > AbiType.MaxDepth)
        {
            throw new FormatException($"components nest deeper than {AbiType.MaxDepth} levels");
        }

        var parameters = new AbiParameter[list.GetArrayLength()];
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var name = item.TryGetProperty("name", out var n) ? RequireString(n, "name") : string.Empty;
            var typeText = item.TryGetProperty("type", out var t) ? RequireString(t, "type") : throw new FormatException($"{property}[{i}] has no type");
            var components = item.TryGetProperty("components", out var c) ? ParseParameterArray(c, "components", false, depth + 1) : null;
            var indexed = item.TryGetProperty("indexed", out var x) && x.ValueKind == JsonValueKind.True;
            if (indexed && !allowIndexed)
            {
                throw new FormatException($"{property}[{i}] is indexed outside an event");
            }

            var internalType = item.TryGetProperty("internalType", out var it) ? RequireString(it, "internalType") : null;
            parameters[i++] = new AbiParameter(name, AbiType.FromJson(typeText, components), indexed, internalType);
        }

        return parameters;
    }

    private static StateMutability ParseMutability(JsonElement entry)
    {
        if (entry.TryGetProperty("stateMutability", out var m))
        {
            return RequireString(m, "stateMutability") switch
            {
                "nonpayable" => StateMutability.NonPayable,
                "payable" => StateMutability.Payable,
                "view" => StateMutability.View,
                "pure" => StateMutability.Pure,
                var other => throw new FormatException($"unknown stateMutability '{other}'"),
            };
        }

        // The flags of ABIs written before stateMutability existed.
        if (entry.TryGetProperty("constant", out var constant) && constant.ValueKind == JsonValueKind.True)
        {
            return StateMutability.View;
        }

        return entry.TryGetProperty("payable", out var payable) && payable.ValueKind == JsonValueKind.True
            ? StateMutability.Payable
            : StateMutability.NonPayable;
    }

    private static string RequireName(JsonElement entry) =>
        entry.TryGetProperty("name", out var name) ? RequireString(name, "name") : throw new FormatException("the entry has no name");

    private static string RequireString(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new FormatException($"'{property}' must be a string");
}
