using Nectar.Chain.Simulation;
using Nectar.Core.Encoding;

namespace Nectar.Chain.Tests.Simulation;

public sealed class RevertReasonTests
{
    [Theory]
    [InlineData("0x4e487b710000000000000000000000000000000000000000000000000000000000000001", "assert(false)")]
    [InlineData("0x4e487b710000000000000000000000000000000000000000000000000000000000000011", "arithmetic underflow or overflow")]
    [InlineData("0x4e487b710000000000000000000000000000000000000000000000000000000000000099", "unknown panic code: 0x99")]
    [InlineData("0x08c379a00000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000000a75736572206572726f72", "user error")]
    public void Decodes_solidity_errors_and_panics_as_geth_words_them(string data, string reason) =>
        Assert.Equal(reason, RevertReason.Decode(Hex.Decode(data)));

    [Theory]
    [InlineData("0x")]
    [InlineData("0x77726f6e672d63616c6c6461746173697a65")]
    [InlineData("0x4e487b7100")]
    public void Other_revert_data_has_no_reason(string data) => Assert.Null(RevertReason.Decode(Hex.Decode(data)));
}
