using Nectar.Contracts.Abi;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Tests.Abi;

public sealed class RevertDecoderTests
{
    private static readonly Address Alice = Address.Parse("0x00000000000000000000000000000000000a11ce");

    [Fact]
    public void Decodes_a_require_message()
    {
        // What require(false, "Counter: value must be non-zero") returns.
        var data = Hex.Decode("0x08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020"
            + "000000000000000000000000000000000000000000000000000000000000001f"
            + "436f756e7465723a2076616c7565206d757374206265206e6f6e2d7a65726f00");

        var reason = RevertDecoder.Standard.Decode(data);

        Assert.Equal(RevertKind.Error, reason.Kind);
        Assert.Equal("Counter: value must be non-zero", reason.Message);
        Assert.Equal("execution reverted: Counter: value must be non-zero", reason.ToString());
        Assert.Null(reason.PanicCode);
    }

    [Theory]
    [InlineData(0x11UL, "panic 0x11 (arithmetic overflow or underflow)")]
    [InlineData(0x12UL, "panic 0x12 (division or modulo by zero)")]
    [InlineData(0x01UL, "panic 0x1 (assertion failed)")]
    [InlineData(0x99UL, "panic 0x99 (unknown panic code)")]
    public void Decodes_panics_with_their_meaning(ulong code, string text)
    {
        var reason = RevertDecoder.Standard.Decode(AbiError.Panic.Encode(AbiValue.FromUInt(code)));

        Assert.Equal(RevertKind.Panic, reason.Kind);
        Assert.Equal(code, (ulong)reason.PanicCode!.Value);
        Assert.Equal(text, reason.ToString());
    }

    [Fact]
    public void Decodes_custom_errors_of_the_contracts_it_knows()
    {
        var decoder = RevertDecoder.For(ContractArtifacts.AccountRegistry.Abi, ContractArtifacts.Counter.Abi);
        var data = ContractArtifacts.AccountRegistry.Abi.GetError("AlreadyAdmitted").Encode(AbiValue.FromAddress(Alice), AbiValue.FromUInt(3UL));

        var reason = decoder.Decode(data);

        Assert.Equal(RevertKind.CustomError, reason.Kind);
        Assert.Equal("AlreadyAdmitted", reason.Error!.Name);
        Assert.Equal(Alice, reason.Arguments[0].AsAddress());
        Assert.Equal("AlreadyAdmitted(0x00000000000000000000000000000000000a11ce, 3)", reason.ToString());
        Assert.Equal(RevertKind.Unrecognized, RevertDecoder.Standard.Decode(data).Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x08c379")]
    [InlineData("0xdeadbeef")]
    [InlineData("0x08c379a00000000000000000000000000000000000000000000000000000000000000020")]
    [InlineData("0x4e487b7100000000000000000000000000000000000000000000000000000000000001")]
    public void Never_throws_on_empty_short_unknown_or_malformed_data(string hex)
    {
        var reason = RevertDecoder.Standard.Decode(Hex.Decode(hex));

        Assert.Equal(hex.Length == 0 ? RevertKind.Empty : RevertKind.Unrecognized, reason.Kind);
        Assert.Empty(reason.Arguments);
        Assert.Equal(hex.Length == 0 ? "execution reverted" : "execution reverted with unrecognized data " + hex, reason.ToString());
    }
}
