using System.Text.Json;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Chain.Genesis;

/// <summary>
/// Reads typed values out of a chain spec's JSON and collects every problem with its JSON path, so a spec with
/// several mistakes is answered with all of them at once. The chain-spec loader uses it, and so do the readers of
/// extension sections (the compliance layer's <c>registry</c>), so every section reports problems the same way.
/// </summary>
/// <remarks>
/// Each <c>Read…</c> method returns the value, or <see langword="null"/> after recording why it could not; callers
/// carry on reading the rest and call <see cref="ThrowIfErrors"/> at the end.
/// </remarks>
public sealed partial class ChainSpecReader
{
    private readonly List<ChainSpecError> _errors = [];

    /// <summary>The problems recorded so far, in the order found.</summary>
    public IReadOnlyList<ChainSpecError> Errors => _errors;

    /// <summary>Whether any problem was recorded.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>Records a problem.</summary>
    /// <param name="path">The JSON path of the offending value.</param>
    /// <param name="problem">What is wrong, in one sentence.</param>
    public void Report(string path, string problem) => _errors.Add(new ChainSpecError(path, problem));

    /// <summary>Throws when any problem was recorded.</summary>
    /// <exception cref="ChainSpecException">Lists every recorded problem.</exception>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new ChainSpecException([.. _errors]);
        }
    }

    /// <summary>
    /// Checks that <paramref name="value"/> is an object whose keys are all in <paramref name="allowedKeys"/>, each
    /// at most once. Unknown keys are errors: a misspelt key would otherwise be ignored silently.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="path">Its path.</param>
    /// <param name="allowedKeys">The keys the object may have (case-sensitive).</param>
    /// <returns>Whether the value is an object (unknown or repeated keys are reported but do not make it false).</returns>
    public bool ReadObject(JsonElement value, string path, params IReadOnlyCollection<string> allowedKeys)
    {
        ArgumentNullException.ThrowIfNull(allowedKeys);
        if (!ReadMap(value, path, out var properties))
        {
            return false;
        }

        foreach (var property in properties)
        {
            if (!allowedKeys.Contains(property.Name))
            {
                Report(ChainSpecPath.Property(path, property.Name), $"unknown key; expected one of {string.Join(", ", allowedKeys)}.");
            }
        }

        return true;
    }

    /// <summary>Reads an object with free-form keys (an allocation keyed by address), reporting repeated keys.</summary>
    /// <param name="value">The value.</param>
    /// <param name="path">Its path.</param>
    /// <param name="properties">The properties in document order, the repeated ones left out.</param>
    /// <returns>Whether the value is an object.</returns>
    public bool ReadMap(JsonElement value, string path, out IReadOnlyList<JsonProperty> properties)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Report(path, $"must be an object, found {Describe(value)}.");
            properties = [];
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<JsonProperty>();
        foreach (var property in value.EnumerateObject())
        {
            if (seen.Add(property.Name))
            {
                list.Add(property);
            }
            else
            {
                Report(ChainSpecPath.Property(path, property.Name), "appears twice in the same object.");
            }
        }

        properties = list;
        return true;
    }

    /// <summary>Reads an array.</summary>
    /// <param name="value">The value.</param>
    /// <param name="path">Its path.</param>
    /// <returns>The elements, or <see langword="null"/> when the value is not an array.</returns>
    public IReadOnlyList<JsonElement>? ReadArray(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Report(path, $"must be an array, found {Describe(value)}.");
            return null;
        }

        return [.. value.EnumerateArray()];
    }

    /// <summary>Reads a string.</summary>
    /// <param name="value">The value.</param>
    /// <param name="path">Its path.</param>
    /// <param name="allowEmpty">Whether the empty string is acceptable.</param>
    /// <returns>The string, or <see langword="null"/>.</returns>
    public string? ReadString(JsonElement value, string path, bool allowEmpty = false)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Report(path, $"must be a string, found {Describe(value)}.");
            return null;
        }

        var text = value.GetString()!;
        if (!allowEmpty && text.Length == 0)
        {
            Report(path, "must not be empty.");
            return null;
        }

        return text;
    }

    /// <summary>Reads <see langword="true"/> or <see langword="false"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="path">Its path.</param>
    /// <returns>The boolean, or <see langword="null"/>.</returns>
    public bool? ReadBoolean(JsonElement value, string path)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Report(path, $"must be true or false, found {Describe(value)}.");
        return null;
    }

    /// <summary>
    /// Reads an address: 0x and 40 hex digits, all lowercase, all uppercase, or in its exact EIP-55 checksum form
    /// (a mixed-case address with a wrong checksum is a typo and is refused).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="path">Its path.</param>
    /// <returns>The address, or <see langword="null"/>.</returns>
    public Address? ReadAddress(JsonElement value, string path)
    {
        var text = ReadString(value, path);
        return text is null ? null : ReadAddress(text, path);
    }

    /// <summary>Reads an address from text (an object key), as <see cref="ReadAddress(JsonElement, string)"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="path">Its path.</param>
    /// <returns>The address, or <see langword="null"/>.</returns>
    public Address? ReadAddress(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return Address.Parse(text);
        }
        catch (FormatException e)
        {
            Report(path, $"is not an address: {e.Message}");
            return null;
        }
    }

    /// <summary>Reads bytes written as 0x and an even number of hex digits (<c>"0x"</c> alone is empty).</summary>
    /// <param name="value">The value.</param>
    /// <param name="path">Its path.</param>
    /// <param name="maxLength">The most bytes allowed.</param>
    /// <returns>The bytes, or <see langword="null"/>.</returns>
    public byte[]? ReadBytes(JsonElement value, string path, int maxLength = int.MaxValue)
    {
        var text = ReadString(value, path, allowEmpty: true);
        if (text is null)
        {
            return null;
        }

        var error = Hex.TryDecode(text, out var bytes, HexPrefix.Required);
        if (error != HexError.None)
        {
            Report(path, $"is not 0x-prefixed hex bytes: {Hex.Describe(error, text, HexPrefix.Required)}");
            return null;
        }

        if (bytes!.Length > maxLength)
        {
            Report(path, $"must be at most {maxLength} bytes, found {bytes.Length}.");
            return null;
        }

        return bytes;
    }

    /// <summary>A short description of a JSON value's kind for messages ("a number", "null").</summary>
    /// <param name="value">The value.</param>
    /// <returns>The description.</returns>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
