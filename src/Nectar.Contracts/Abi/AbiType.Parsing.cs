using System.Globalization;

namespace Nectar.Contracts.Abi;

public sealed partial class AbiType
{
    /// <summary>
    /// Parses a canonical type name: <c>uint256</c>, <c>bytes32[]</c>, <c>(address,uint32)[2]</c>, …
    /// </summary>
    /// <param name="text">The type in canonical form: no spaces, explicit sizes (<c>uint256</c>, not <c>uint</c>).</param>
    /// <returns>The type.</returns>
    /// <exception cref="FormatException">The text is not a canonical ABI type; the message says where and why.</exception>
    public static AbiType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        try
        {
            var type = ParseType(text, ref position, 0);
            if (position != text.Length)
            {
                throw Malformed(text, position, "unexpected trailing characters");
            }

            return type;
        }
        catch (ArgumentException e)
        {
            // Limits enforced by the constructors (depth, static size) surface as format errors of the text.
            throw Malformed(text, position, e.Message);
        }
    }

    /// <summary>Parses a canonical parameter list such as <c>(address,uint256)</c> or <c>()</c> into a tuple.</summary>
    /// <param name="text">The parenthesised list.</param>
    /// <returns>The tuple type.</returns>
    /// <exception cref="FormatException">The text is not a parenthesised list of canonical types.</exception>
    public static AbiType ParseParameterList(string text)
    {
        var type = Parse(text);
        if (type.Kind != AbiTypeKind.Tuple)
        {
            throw new FormatException($"Expected a parenthesised parameter list, got '{text}'.");
        }

        return type;
    }

    /// <summary>
    /// Builds a type from the JSON ABI form: <paramref name="type"/> is a canonical type or <c>tuple</c> with array
    /// suffixes (<c>tuple[2][]</c>), in which case <paramref name="components"/> gives the tuple's members.
    /// </summary>
    internal static AbiType FromJson(string type, AbiParameter[]? components)
    {
        if (!type.StartsWith("tuple", StringComparison.Ordinal))
        {
            if (components is { Length: > 0 })
            {
                throw new FormatException($"ABI type '{type}' is not a tuple but has components.");
            }

            return Parse(type);
        }

        if (components is null)
        {
            throw new FormatException($"ABI type '{type}' is a tuple without components.");
        }

        var position = "tuple".Length;
        try
        {
            var result = ApplySuffixes(type, ref position, TupleOf(components), 0);
            if (position != type.Length)
            {
                throw Malformed(type, position, "unexpected trailing characters");
            }

            return result;
        }
        catch (ArgumentException e)
        {
            throw Malformed(type, position, e.Message);
        }
    }

    private static AbiType ParseType(string text, ref int position, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw Malformed(text, position, $"types nest at most {MaxDepth} levels deep");
        }

        AbiType baseType;
        if (position < text.Length && text[position] == '(')
        {
            position++;
            var components = new List<AbiParameter>();
            if (position < text.Length && text[position] == ')')
            {
                position++;
            }
            else
            {
                while (true)
                {
                    components.Add(new AbiParameter(string.Empty, ParseType(text, ref position, depth + 1)));
                    if (position < text.Length && text[position] == ',')
                    {
                        position++;
                        continue;
                    }

                    if (position < text.Length && text[position] == ')')
                    {
                        position++;
                        break;
                    }

                    throw Malformed(text, position, "expected ',' or ')'");
                }
            }

            baseType = TupleOf([.. components]);
        }
        else
        {
            var start = position;
            while (position < text.Length && char.IsAsciiLetterOrDigit(text[position]))
            {
                position++;
            }

            baseType = ParseElementary(text, start, position);
        }

        return ApplySuffixes(text, ref position, baseType, depth);
    }

    private static AbiType ApplySuffixes(string text, ref int position, AbiType type, int depth)
    {
        while (position < text.Length && text[position] == '[')
        {
            var open = position;
            position++;
            var start = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            if (position >= text.Length || text[position] != ']')
            {
                throw Malformed(text, position, "expected digits and ']' in an array suffix");
            }

            var digits = text.AsSpan(start, position - start);
            position++;
            if (++depth > MaxDepth)
            {
                throw Malformed(text, open, $"types nest at most {MaxDepth} levels deep");
            }

            try
            {
                if (digits.IsEmpty)
                {
                    type = ArrayOf(type);
                    continue;
                }

                if (digits[0] == '0' || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                {
                    throw Malformed(text, start, "a fixed array length must be a positive integer without leading zeros");
                }

                type = FixedArrayOf(type, length);
            }
            catch (ArgumentException e)
            {
                throw Malformed(text, open, e.Message);
            }
        }

        return type;
    }

    private static AbiType ParseElementary(string text, int start, int end)
    {
        var name = text.AsSpan(start, end - start);
        switch (name)
        {
            case "address":
                return Address;
            case "bool":
                return Bool;
            case "string":
                return String;
            case "bytes":
                return Bytes;
            case "function":
                return Function;
            case "":
                throw Malformed(text, start, "expected a type");
            case "uint" or "int":
                throw Malformed(text, start, $"'{name}' is not canonical; write '{name}256'");
        }

        if (name.StartsWith("fixed") || name.StartsWith("ufixed"))
        {
            throw Malformed(text, start, "fixed-point types are not supported");
        }

        if (TrySized(name, "uint", out var bits))
        {
            return bits is >= 8 and <= 256 && bits % 8 == 0 ? UInt(bits) : throw Malformed(text, start, "uintN takes N as a multiple of 8 from 8 to 256");
        }

        if (TrySized(name, "int", out bits))
        {
            return bits is >= 8 and <= 256 && bits % 8 == 0 ? Int(bits) : throw Malformed(text, start, "intN takes N as a multiple of 8 from 8 to 256");
        }

        if (TrySized(name, "bytes", out var size))
        {
            return size is >= 1 and <= 32 ? FixedBytes(size) : throw Malformed(text, start, "bytesN takes N from 1 to 32");
        }

        throw Malformed(text, start, $"unknown type '{name}'");
    }

    private static bool TrySized(ReadOnlySpan<char> name, string prefix, out int size)
    {
        size = 0;
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = name[prefix.Length..];
        return !digits.IsEmpty
            && digits[0] != '0'
            && digits.Length <= 3
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }

    private static FormatException Malformed(string text, int position, string reason) =>
        new($"Invalid ABI type '{text}' at position {position}: {reason}.");
}
