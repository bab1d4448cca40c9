using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Nectar.Contracts.Abi;

/// <summary>
/// An immutable Solidity ABI type: the static types (<c>uintN</c>, <c>intN</c>, <c>address</c>, <c>bool</c>,
/// <c>bytesN</c>, <c>function</c>), the dynamic ones (<c>bytes</c>, <c>string</c>, <c>T[]</c>) and the composites
/// (<c>T[k]</c>, tuples), with the sizes the encoder and decoder need computed once.
/// </summary>
/// <remarks>
/// Zero-sized types cannot be array elements (an empty tuple in <c>()[]</c> would let a short input claim any
/// number of elements) and fixed-length arrays have at least one element; Solidity produces neither. A tuple
/// may be empty: it is the parameter list of a function without parameters. Nesting is limited to
/// <see cref="MaxDepth"/> levels so crafted type strings or ABIs cannot exhaust the stack.
/// </remarks>
public sealed partial class AbiType : IEquatable<AbiType>
{
    /// <summary>The deepest nesting of arrays and tuples accepted.</summary>
    public const int MaxDepth = 32;

    private static readonly AbiType[] UIntTypes = CreateIntegers(AbiTypeKind.UInt);
    private static readonly AbiType[] IntTypes = CreateIntegers(AbiTypeKind.Int);
    private static readonly AbiType[] FixedBytesTypes = CreateFixedBytes();

    private readonly AbiParameter[] _components;

    private AbiType(AbiTypeKind kind, int size, AbiType? element, int length, AbiParameter[] components)
    {
        Kind = kind;
        Size = size;
        Element = element;
        Length = length;
        _components = components;

        long staticSize;
        switch (kind)
        {
            case AbiTypeKind.Bytes or AbiTypeKind.String:
                IsDynamic = true;
                staticSize = 0;
                Depth = 1;
                break;
            case AbiTypeKind.Array:
                IsDynamic = true;
                staticSize = 0;
                Depth = element!.Depth + 1;
                break;
            case AbiTypeKind.FixedArray:
                IsDynamic = element!.IsDynamic;
                staticSize = IsDynamic ? 0 : (long)element.StaticSize * length;
                Depth = element.Depth + 1;
                break;
            case AbiTypeKind.Tuple:
                staticSize = 0;
                var depth = 0;
                foreach (var component in components)
                {
                    IsDynamic |= component.Type.IsDynamic;
                    staticSize += component.Type.StaticSize;
                    depth = Math.Max(depth, component.Type.Depth);
                }

                if (IsDynamic)
                {
                    staticSize = 0;
                }

                Depth = depth + 1;
                break;
            default:
                staticSize = 32;
                Depth = 1;
                break;
        }

        if (staticSize > int.MaxValue)
        {
            throw new ArgumentException("The static encoding of this type would exceed 2 GiB.");
        }

        if (Depth > MaxDepth)
        {
            throw new ArgumentException($"ABI types nest at most {MaxDepth} levels deep.");
        }

        StaticSize = (int)staticSize;
        CanonicalName = BuildCanonicalName();
    }

    /// <summary><c>uint256</c>.</summary>
    public static AbiType UInt256 => UIntTypes[31];

    /// <summary><c>int256</c>.</summary>
    public static AbiType Int256 => IntTypes[31];

    /// <summary><c>address</c>.</summary>
    public static AbiType Address { get; } = new(AbiTypeKind.Address, 20, null, 0, []);

    /// <summary><c>bool</c>.</summary>
    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 1, null, 0, []);

    /// <summary><c>bytes32</c>.</summary>
    public static AbiType Bytes32 => FixedBytesTypes[31];

    /// <summary><c>function</c> (an address and a selector, 24 bytes).</summary>
    public static AbiType Function { get; } = new(AbiTypeKind.Function, 24, null, 0, []);

    /// <summary><c>bytes</c>.</summary>
    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, 0, []);

    /// <summary><c>string</c>.</summary>
    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, 0, []);

    /// <summary>The empty tuple <c>()</c>: the parameter list of a function without parameters.</summary>
    public static AbiType EmptyTuple { get; } = new(AbiTypeKind.Tuple, 0, null, 0, []);

    /// <summary>The kind of type.</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>
    /// Bits of an integer type (<c>uint8</c> → 8), bytes of a <c>bytesN</c> (N), 24 for <c>function</c>,
    /// 20 for <c>address</c>, 1 for <c>bool</c>; 0 otherwise.
    /// </summary>
    public int Size { get; }

    /// <summary>The element type of <c>T[]</c> and <c>T[k]</c>; <see langword="null"/> otherwise.</summary>
    public AbiType? Element { get; }

    /// <summary>The number of elements of <c>T[k]</c> (k); 0 otherwise.</summary>
    public int Length { get; }

    /// <summary>The components of a tuple; empty for other kinds.</summary>
    public IReadOnlyList<AbiParameter> Components => _components;

    /// <summary>Whether the encoding has a length known only from the value (then the value sits in the tail, behind an offset).</summary>
    public bool IsDynamic { get; }

    /// <summary>The size of the encoding of a static type in bytes (32 for every scalar); 0 for dynamic types.</summary>
    public int StaticSize { get; }

    /// <summary>The bytes the type takes in the head of an enclosing tuple: 32 (an offset) when dynamic, else <see cref="StaticSize"/>.</summary>
    public int HeadSize => IsDynamic ? 32 : StaticSize;

    /// <summary>The canonical name used in signatures, e.g. <c>uint256</c>, <c>(address,uint32)[]</c>.</summary>
    public string CanonicalName { get; }

    /// <summary>Nesting depth: 1 for scalars, one more per array or tuple level.</summary>
    internal int Depth { get; }

    /// <summary>The components of a tuple as a span (no interface dispatch on the encoding paths).</summary>
    internal ReadOnlySpan<AbiParameter> ComponentSpan => _components;

    /// <summary>The unsigned integer type of <paramref name="bits"/> bits.</summary>
    /// <param name="bits">A multiple of 8 from 8 to 256.</param>
    /// <returns>The shared instance of <c>uintN</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is not a multiple of 8 from 8 to 256.</exception>
    public static AbiType UInt(int bits) => UIntTypes[IntegerIndex(bits)];

    /// <summary>The signed integer type of <paramref name="bits"/> bits.</summary>
    /// <param name="bits">A multiple of 8 from 8 to 256.</param>
    /// <returns>The shared instance of <c>intN</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is not a multiple of 8 from 8 to 256.</exception>
    public static AbiType Int(int bits) => IntTypes[IntegerIndex(bits)];

    /// <summary>The fixed-size byte string type <c>bytesN</c>.</summary>
    /// <param name="size">N, from 1 to 32.</param>
    /// <returns>The shared instance of <c>bytesN</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is outside 1 to 32.</exception>
    public static AbiType FixedBytes(int size)
    {
        if (size is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "bytesN takes N from 1 to 32.");
        }

        return FixedBytesTypes[size - 1];
    }

    /// <summary>The dynamic-length array type <c>T[]</c>.</summary>
    /// <param name="element">The element type; it must not be zero-sized.</param>
    /// <returns>The array type.</returns>
    public static AbiType ArrayOf(AbiType element)
    {
        RequireElement(element);
        return new AbiType(AbiTypeKind.Array, 0, element, 0, []);
    }

    /// <summary>The fixed-length array type <c>T[k]</c>.</summary>
    /// <param name="element">The element type; it must not be zero-sized.</param>
    /// <param name="length">k, at least 1.</param>
    /// <returns>The array type.</returns>
    public static AbiType FixedArrayOf(AbiType element, int length)
    {
        RequireElement(element);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        return new AbiType(AbiTypeKind.FixedArray, 0, element, length, []);
    }

    /// <summary>A tuple of named components.</summary>
    /// <param name="components">The components in order; may be empty.</param>
    /// <returns>The tuple type.</returns>
    public static AbiType TupleOf(params AbiParameter[] components)
    {
        ArgumentNullException.ThrowIfNull(components);
        foreach (var component in components)
        {
            ArgumentNullException.ThrowIfNull(component, nameof(components));
        }

        return components.Length == 0 ? EmptyTuple : new AbiType(AbiTypeKind.Tuple, 0, null, 0, [.. components]);
    }

    /// <summary>A tuple of unnamed components.</summary>
    /// <param name="types">The component types in order; may be empty.</param>
    /// <returns>The tuple type.</returns>
    public static AbiType TupleOf(params AbiType[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var components = new AbiParameter[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            components[i] = new AbiParameter(string.Empty, types[i]);
        }

        return TupleOf(components);
    }

    /// <summary>Whether both types have the same canonical name (component names do not matter).</summary>
    /// <param name="other">The other type.</param>
    /// <returns><see langword="true"/> when they encode alike.</returns>
    public bool Equals([NotNullWhen(true)] AbiType? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(CanonicalName, other.CanonicalName, StringComparison.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AbiType);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(CanonicalName);

    /// <summary>The canonical name.</summary>
    /// <returns><see cref="CanonicalName"/>.</returns>
    public override string ToString() => CanonicalName;

    private static void RequireElement(AbiType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.HeadSize == 0)
        {
            throw new ArgumentException("Array elements cannot be zero-sized (an empty tuple).", nameof(element));
        }
    }

    private static int IntegerIndex(int bits)
    {
        if (bits is < 8 or > 256 || bits % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "Integer types take a multiple of 8 bits from 8 to 256.");
        }

        return (bits / 8) - 1;
    }

    private static AbiType[] CreateIntegers(AbiTypeKind kind)
    {
        var types = new AbiType[32];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = new AbiType(kind, (i + 1) * 8, null, 0, []);
        }

        return types;
    }

    private static AbiType[] CreateFixedBytes()
    {
        var types = new AbiType[32];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = new AbiType(AbiTypeKind.FixedBytes, i + 1, null, 0, []);
        }

        return types;
    }

    private string BuildCanonicalName() => Kind switch
    {
        AbiTypeKind.UInt => "uint" + Size.ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.Int => "int" + Size.ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.Address => "address",
        AbiTypeKind.Bool => "bool",
        AbiTypeKind.FixedBytes => "bytes" + Size.ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.Function => "function",
        AbiTypeKind.Bytes => "bytes",
        AbiTypeKind.String => "string",
        AbiTypeKind.Array => Element!.CanonicalName + "[]",
        AbiTypeKind.FixedArray => $"{Element!.CanonicalName}[{Length.ToString(CultureInfo.InvariantCulture)}]",
        _ => "(" + string.Join(',', Array.ConvertAll(_components, static c => c.Type.CanonicalName)) + ")",
    };
}
