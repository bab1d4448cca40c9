using Nectar.Contracts.Abi;
using Nectar.Core.Encoding;

namespace Nectar.Contracts.Tests.Abi;

/// <summary>The worked examples of the Solidity ABI specification, encoded and decoded byte for byte.</summary>
public sealed class AbiSpecificationExamplesTests
{
    [Fact]
    public void Baz_with_69_and_true()
    {
        var baz = AbiFunction.Parse("baz(uint32,bool)");

        AssertCall(
            baz,
            [AbiValue.FromUInt(69UL), AbiValue.FromBool(true)],
            "0xcdcd77c0",
            "0000000000000000000000000000000000000000000000000000000000000045",
            "0000000000000000000000000000000000000000000000000000000000000001");
    }

    [Fact]
    public void Bar_with_two_bytes3()
    {
        var bar = AbiFunction.Parse("bar(bytes3[2])");

        AssertCall(
            bar,
            [AbiValue.ArrayOf(AbiValue.FromFixedBytes("abc"u8), AbiValue.FromFixedBytes("def"u8))],
            "0xfce353f6",
            "6162630000000000000000000000000000000000000000000000000000000000",
            "6465660000000000000000000000000000000000000000000000000000000000");
    }

    [Fact]
    public void Sam_with_dave_true_and_one_two_three()
    {
        var sam = AbiFunction.Parse("sam(bytes,bool,uint256[])");

        AssertCall(
            sam,
            [AbiValue.FromBytes("dave"u8), AbiValue.FromBool(true), AbiValue.ArrayOf(AbiValue.FromUInt(1UL), AbiValue.FromUInt(2UL), AbiValue.FromUInt(3UL))],
            "0xa5643bf2",
            "0000000000000000000000000000000000000000000000000000000000000060",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "0000000000000000000000000000000000000000000000000000000000000004",
            "6461766500000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000003");
    }

    [Fact]
    public void F_with_mixed_static_and_dynamic_arguments()
    {
        var f = AbiFunction.Parse("f(uint256,uint32[],bytes10,bytes)");

        AssertCall(
            f,
            [
                AbiValue.FromUInt(0x123UL),
                AbiValue.ArrayOf(AbiValue.FromUInt(0x456UL), AbiValue.FromUInt(0x789UL)),
                AbiValue.FromFixedBytes("1234567890"u8),
                AbiValue.FromBytes("Hello, world!"u8),
            ],
            "0x8be65246",
            "0000000000000000000000000000000000000000000000000000000000000123",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "3132333435363738393000000000000000000000000000000000000000000000",
            "00000000000000000000000000000000000000000000000000000000000000e0",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000456",
            "0000000000000000000000000000000000000000000000000000000000000789",
            "000000000000000000000000000000000000000000000000000000000000000d",
            "48656c6c6f2c20776f726c642100000000000000000000000000000000000000");
    }

    [Fact]
    public void G_with_nested_dynamic_arrays_and_strings()
    {
        var g = AbiFunction.Parse("g(uint256[][],string[])");

        AssertCall(
            g,
            [
                AbiValue.ArrayOf(
                    AbiValue.ArrayOf(AbiValue.FromUInt(1UL), AbiValue.FromUInt(2UL)),
                    AbiValue.ArrayOf(AbiValue.FromUInt(3UL))),
                AbiValue.ArrayOf(AbiValue.FromString("one"), AbiValue.FromString("two"), AbiValue.FromString("three")),
            ],
            "0x2289b18c",
            "0000000000000000000000000000000000000000000000000000000000000040",
            "0000000000000000000000000000000000000000000000000000000000000140",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000040",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000060",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "00000000000000000000000000000000000000000000000000000000000000e0",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "6f6e650000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "74776f0000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000005",
            "7468726565000000000000000000000000000000000000000000000000000000");
    }

    private static void AssertCall(AbiFunction function, AbiValue[] arguments, string selector, params string[] words)
    {
        var expected = Hex.Decode(selector + string.Concat(words));

        Assert.Equal(selector, function.Selector.ToString());
        Assert.Equal(expected, function.EncodeCall(arguments));
        Assert.Equal(expected.Length, function.GetCallDataLength(arguments));
        Assert.Equal(arguments, function.DecodeCall(expected));

        // The span overload writes every byte itself: leftovers in the destination must not show through.
        var destination = new byte[expected.Length + 7];
        destination.AsSpan().Fill(0xAA);
        Assert.Equal(expected.Length, function.EncodeCall(arguments, destination));
        Assert.Equal(expected, destination[..expected.Length]);
        Assert.All(destination[expected.Length..], b => Assert.Equal(0xAA, b));
    }
}
