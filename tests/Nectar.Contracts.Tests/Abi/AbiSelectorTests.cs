using Nectar.Contracts.Abi;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Tests.Abi;

public sealed class AbiSelectorTests
{
    [Theory]
    [InlineData("transfer(address,uint256)", "0xa9059cbb")]
    [InlineData("balanceOf(address)", "0x70a08231")]
    [InlineData("approve(address,uint256)", "0x095ea7b3")]
    [InlineData("transferFrom(address,address,uint256)", "0x23b872dd")]
    [InlineData("Error(string)", "0x08c379a0")]
    [InlineData("Panic(uint256)", "0x4e487b71")]
    public void Selector_is_the_first_four_bytes_of_the_signature_hash(string signature, string selector)
    {
        Assert.Equal(selector, AbiSelector.FromSignature(signature).ToString());
        Assert.Equal(AbiSelector.Parse(selector), AbiSelector.FromSignature(signature));
    }

    [Fact]
    public void Error_and_Panic_carry_the_standard_selectors()
    {
        Assert.Equal("0x08c379a0", AbiError.Error.Selector.ToString());
        Assert.Equal("0x4e487b71", AbiError.Panic.Selector.ToString());
    }

    [Fact]
    public void Event_topic_is_the_full_signature_hash()
    {
        var transfer = new AbiEvent(
            "Transfer",
            [new AbiParameter("from", AbiType.Address, indexed: true), new AbiParameter("to", AbiType.Address, indexed: true), new AbiParameter("value", AbiType.UInt256)]);

        Assert.Equal("Transfer(address,address,uint256)", transfer.Signature);
        Assert.Equal(Hash256.Parse("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"), transfer.Topic);
    }

    [Fact]
    public void Reads_and_writes_the_leading_four_bytes()
    {
        var selector = AbiSelector.Parse("0xa9059cbb");
        var buffer = new byte[6];
        selector.WriteTo(buffer);

        Assert.Equal(new byte[] { 0xa9, 0x05, 0x9c, 0xbb, 0, 0 }, buffer);
        Assert.True(AbiSelector.TryRead(buffer, out var read));
        Assert.Equal(selector, read);
        Assert.False(AbiSelector.TryRead(buffer.AsSpan(0, 3), out _));
    }

    [Theory]
    [InlineData("a9059cbb")]
    [InlineData("0xa9059cb")]
    [InlineData("0xa9059cbbb")]
    [InlineData("0xa9059cbg")]
    public void Rejects_malformed_selector_text(string text) => Assert.Throws<FormatException>(() => AbiSelector.Parse(text));

    [Fact]
    public void Function_signatures_parse_with_optional_return_lists()
    {
        var function = AbiFunction.Parse("memberOf(address)((uint64,uint32,bool,uint64))");

        Assert.Equal("memberOf(address)", function.Signature);
        Assert.Equal("((uint64,uint32,bool,uint64))", function.Outputs.CanonicalName);
        Assert.Throws<FormatException>(() => AbiFunction.Parse("memberOf"));
        Assert.Throws<FormatException>(() => AbiFunction.Parse("member Of(address)"));
        Assert.Throws<FormatException>(() => AbiFunction.Parse("memberOf(address"));
        Assert.Throws<FormatException>(() => AbiFunction.Parse("memberOf(uint)"));
    }
}
