using Nectar.Contracts.Abi;

namespace Nectar.Contracts.Tests.Abi;

public sealed class AbiTypeTests
{
    [Theory]
    [InlineData("uint8", AbiTypeKind.UInt, false, 32)]
    [InlineData("uint256", AbiTypeKind.UInt, false, 32)]
    [InlineData("int136", AbiTypeKind.Int, false, 32)]
    [InlineData("address", AbiTypeKind.Address, false, 32)]
    [InlineData("bool", AbiTypeKind.Bool, false, 32)]
    [InlineData("bytes1", AbiTypeKind.FixedBytes, false, 32)]
    [InlineData("bytes32", AbiTypeKind.FixedBytes, false, 32)]
    [InlineData("function", AbiTypeKind.Function, false, 32)]
    [InlineData("bytes", AbiTypeKind.Bytes, true, 0)]
    [InlineData("string", AbiTypeKind.String, true, 0)]
    [InlineData("uint256[]", AbiTypeKind.Array, true, 0)]
    [InlineData("uint256[3]", AbiTypeKind.FixedArray, false, 96)]
    [InlineData("string[3]", AbiTypeKind.FixedArray, true, 0)]
    [InlineData("(uint256,bool)", AbiTypeKind.Tuple, false, 64)]
    [InlineData("(uint256,bool)[2][3]", AbiTypeKind.FixedArray, false, 384)]
    [InlineData("(uint256,(bytes,bool))", AbiTypeKind.Tuple, true, 0)]
    [InlineData("()", AbiTypeKind.Tuple, false, 0)]
    [InlineData("((address,uint64)[],string)[2]", AbiTypeKind.FixedArray, true, 0)]
    public void Parses_canonical_names_and_computes_sizes(string text, AbiTypeKind kind, bool dynamic, int staticSize)
    {
        var type = AbiType.Parse(text);

        Assert.Equal(kind, type.Kind);
        Assert.Equal(dynamic, type.IsDynamic);
        Assert.Equal(staticSize, type.StaticSize);
        Assert.Equal(dynamic ? 32 : staticSize, type.HeadSize);
        Assert.Equal(text, type.CanonicalName);
    }

    [Fact]
    public void Array_suffixes_apply_left_to_right()
    {
        // uint8[2][3] is three arrays of two uint8, as in Solidity.
        var type = AbiType.Parse("uint8[2][3]");

        Assert.Equal(3, type.Length);
        Assert.Equal(2, type.Element!.Length);
        Assert.Equal(AbiType.UInt(8), type.Element.Element);
    }

    [Theory]
    [InlineData("", "expected a type")]
    [InlineData("uint", "write 'uint256'")]
    [InlineData("int", "write 'int256'")]
    [InlineData("uint7", "multiple of 8")]
    [InlineData("uint264", "multiple of 8")]
    [InlineData("uint08", "unknown type")]
    [InlineData("bytes0", "unknown type")]
    [InlineData("bytes33", "from 1 to 32")]
    [InlineData("fixed128x18", "fixed-point")]
    [InlineData("ufixed", "fixed-point")]
    [InlineData("tuple", "unknown type")]
    [InlineData("uint256[0]", "positive integer")]
    [InlineData("uint256[01]", "positive integer")]
    [InlineData("uint256[", "array suffix")]
    [InlineData("uint256[x]", "array suffix")]
    [InlineData("(uint256", "expected ',' or ')'")]
    [InlineData("(uint256,)", "expected a type")]
    [InlineData("(uint256) ", "trailing")]
    [InlineData("uint256 x", "trailing")]
    [InlineData("()[]", "zero-sized")]
    [InlineData("uint256[99999999999]", "positive integer")]
    [InlineData("uint256[2147483647][2]", "2 GiB")]
    public void Rejects_malformed_type_names_saying_why(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => AbiType.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_nesting_so_crafted_types_cannot_exhaust_the_stack()
    {
        var deepTuple = new string('(', 40) + "uint256" + new string(')', 40);
        var deepArray = "uint256" + string.Concat(Enumerable.Repeat("[]", 40));

        Assert.Contains("nest", Assert.Throws<FormatException>(() => AbiType.Parse(deepTuple)).Message, StringComparison.Ordinal);
        Assert.Contains("nest", Assert.Throws<FormatException>(() => AbiType.Parse(deepArray)).Message, StringComparison.Ordinal);
        Assert.Equal(AbiTypeKind.Array, AbiType.Parse("uint256" + string.Concat(Enumerable.Repeat("[]", 30))).Kind);
    }

    [Fact]
    public void Types_are_equal_by_canonical_name_whatever_the_component_names()
    {
        var named = AbiType.TupleOf(new AbiParameter("owner", AbiType.Address), new AbiParameter("amount", AbiType.UInt256));

        Assert.Equal(AbiType.Parse("(address,uint256)"), named);
        Assert.Equal(AbiType.Parse("(address,uint256)").GetHashCode(), named.GetHashCode());
        Assert.NotEqual(AbiType.Parse("(address,uint128)"), named);
        Assert.Same(AbiType.UInt(256), AbiType.UInt256);
    }

    [Fact]
    public void Factories_reject_impossible_types()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiType.UInt(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiType.Int(264));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiType.FixedBytes(33));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiType.FixedArrayOf(AbiType.Bool, 0));
        Assert.Throws<ArgumentException>(() => AbiType.ArrayOf(AbiType.EmptyTuple));
    }
}
