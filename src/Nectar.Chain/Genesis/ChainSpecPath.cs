namespace Nectar.Chain.Genesis;

/// <summary>
/// Builds the JSON paths chain-spec errors carry: <c>$</c> for the document, <c>.name</c> for identifier keys,
/// <c>["0x…"]</c> for other keys, <c>[3]</c> for array elements.
/// </summary>
public static class ChainSpecPath
{
    /// <summary>The document itself.</summary>
    public const string Root = "$";

    /// <summary>The path of a property of the object at <paramref name="parent"/>.</summary>
    /// <param name="parent">The object's path.</param>
    /// <param name="name">The property name.</param>
    /// <returns><c>parent.name</c>, or <c>parent["name"]</c> when the name is not an identifier.</returns>
    public static string Property(string parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(name);
        return IsIdentifier(name) ? $"{parent}.{name}" : $"{parent}[\"{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";
    }

    /// <summary>The path of an element of the array at <paramref name="parent"/>.</summary>
    /// <param name="parent">The array's path.</param>
    /// <param name="index">The element's index.</param>
    /// <returns><c>parent[index]</c>.</returns>
    public static string Element(string parent, int index) => $"{parent}[{index}]";

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
