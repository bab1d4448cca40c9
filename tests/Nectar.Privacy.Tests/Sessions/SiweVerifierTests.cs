using System.Text;
using Nectar.Core.Primitives;
using Nectar.Privacy.Sessions;
using Nectar.Privacy.Tests.Sessions.Support;

namespace Nectar.Privacy.Tests.Sessions;

/// <summary>
/// Signatures made by wallets outside this code base (published with the reference SIWE implementation's tests),
/// and the rules a signature must meet.
/// </summary>
public sealed class SiweVerifierTests
{
    private readonly SiweVerifier _verifier = new(Secp.Instance);

    public static TheoryData<string, string, string> ExternalVectors => new()
    {
        {
            "login.xyz wants you to sign in with your Ethereum account:\n0x9D85ca56217D2bb651b00f15e694EB7E713637D4\n\n" +
            "Sign-In With Ethereum Example Statement\n\nURI: https://login.xyz\nVersion: 1\nChain ID: 1\nNonce: bTyXgcQxn2htgkjJn\n" +
            "Issued At: 2022-01-27T17:09:38.578Z\nExpiration Time: 2100-01-07T14:31:43.952Z",
            "0xdc35c7f8ba2720df052e0092556456127f00f7707eaa8e3bbff7e56774e7f2e05a093cfc9e02964c33d86e8e066e221b7d153d27e5a2e97ccd5ca7d3f2ce06cb1b",
            "0x9D85ca56217D2bb651b00f15e694EB7E713637D4"
        },
        {
            "login.xyz wants you to sign in with your Ethereum account:\n0x2ecA0068307e706741445764A3D6A4402aC2A5a9\n\n" +
            "Sign-In With Ethereum Example Statement\n\nURI: https://login.xyz\nVersion: 1\nChain ID: 1\nNonce: lx2nx4so\n" +
            "Issued At: 2022-01-05T14:27:30.883Z\nExpiration Time: 2021-01-05T00:00:00Z",
            "0x7337bc2826c7678cd6bc84f5b3b236efc969b0451f9feca2328b1d3401b030c113f19bdba359ba3f52762c66e9147311fa95fe598a1a4ec9bb383a7b4e3874241b",
            "0x2ecA0068307e706741445764A3D6A4402aC2A5a9"
        },
        {
            // v = 1: the recovery id written without the 27 offset, as some wallets do.
            "www.tally.xyz wants you to sign in with your Ethereum account:\n0xc95EB884FE852e241D409234bfC7045CB9E31BD7\n\n" +
            "Sign in with Ethereum to Tally\n\nURI: https://tally.xyz\nVersion: 1\nChain ID: 1\nNonce: 15050747\n" +
            "Issued At: 2022-06-30T14:08:51.382Z",
            "0x8c46b6eb8505939892d8e9b075f89f8277321b17b993151f37810cdda38cce6f4a85909d2b53e6a14629c74c0ac38bf4becde78ee5b2529812bf6cceaf7b2a2501",
            "0xc95EB884FE852e241D409234bfC7045CB9E31BD7"
        },
    };

    [Theory]
    [MemberData(nameof(ExternalVectors))]
    public void Recovers_the_signer_of_messages_signed_by_real_wallets(string message, string signature, string signer)
    {
        var parsed = SiweMessage.Parse(message);
        var bytes = new byte[65];
        Assert.True(SiweVerifier.TryDecodeSignature(signature, bytes));

        Assert.Equal(message, parsed.ToString());
        Assert.Equal(SignatureCheck.Valid, _verifier.CheckSignature(Encoding.UTF8.GetBytes(message), bytes, parsed.Address));
        Assert.Equal(SignatureCheck.Valid, _verifier.TryRecoverSigner(Encoding.UTF8.GetBytes(message), bytes, out var recovered));
        Assert.Equal(Address.Parse(signer), recovered);
    }

    [Theory]
    [MemberData(nameof(ExternalVectors))]
    public void Refuses_a_real_signature_over_a_message_changed_by_one_character(string message, string signature, string signer)
    {
        var tampered = message.Replace("Version: 1", "Version: 1 ", StringComparison.Ordinal);
        var bytes = new byte[65];
        Assert.True(SiweVerifier.TryDecodeSignature(signature, bytes));

        Assert.Equal(SignatureCheck.WrongSigner, _verifier.CheckSignature(Encoding.UTF8.GetBytes(tampered), bytes, Address.Parse(signer)));
    }

    [Fact]
    public void Accepts_v_as_27_28_or_as_0_1()
    {
        var message = "a message"u8.ToArray();
        var signature = TestAccount.Alice.Sign("a message");
        var zeroBased = (byte[])signature.Clone();
        zeroBased[64] -= 27;

        Assert.Equal(SignatureCheck.Valid, _verifier.CheckSignature(message, signature, TestAccount.Alice.Address));
        Assert.Equal(SignatureCheck.Valid, _verifier.CheckSignature(message, zeroBased, TestAccount.Alice.Address));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(37)]
    public void Rejects_any_other_v(byte v)
    {
        var signature = TestAccount.Alice.Sign("a message");
        signature[64] = v;

        Assert.Equal(SignatureCheck.Malformed, _verifier.CheckSignature("a message"u8, signature, TestAccount.Alice.Address));
    }

    [Fact]
    public void Rejects_the_high_s_twin_of_a_valid_signature()
    {
        var signature = TestAccount.Alice.Sign("a message");
        var twin = TestAccount.WithHighS(signature);

        Assert.Equal(SignatureCheck.Valid, _verifier.CheckSignature("a message"u8, signature, TestAccount.Alice.Address));
        Assert.Equal(SignatureCheck.HighS, _verifier.CheckSignature("a message"u8, twin, TestAccount.Alice.Address));
    }

    [Fact]
    public void Rejects_zero_r_or_s_and_wrong_lengths()
    {
        var signature = TestAccount.Alice.Sign("a message");
        var zeroR = (byte[])signature.Clone();
        Array.Clear(zeroR, 0, 32);

        Assert.Equal(SignatureCheck.OutOfRange, _verifier.CheckSignature("a message"u8, zeroR, TestAccount.Alice.Address));
        Assert.Equal(SignatureCheck.Malformed, _verifier.CheckSignature("a message"u8, signature.AsSpan(0, 64), TestAccount.Alice.Address));
        Assert.Equal(SignatureCheck.Malformed, _verifier.CheckSignature("a message"u8, [.. signature, 0], TestAccount.Alice.Address));
    }

    [Fact]
    public void Reports_a_valid_signature_by_another_account_as_wrong_signer()
    {
        var signature = TestAccount.Bob.Sign("a message");

        Assert.Equal(SignatureCheck.WrongSigner, _verifier.CheckSignature("a message"u8, signature, TestAccount.Alice.Address));
        Assert.Equal(SignatureCheck.Valid, _verifier.CheckSignature("a message"u8, signature, TestAccount.Bob.Address));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("0x00")]
    [InlineData("zz")]
    public void Signature_hex_must_be_exactly_65_bytes(string hex)
    {
        Assert.False(SiweVerifier.TryDecodeSignature(hex, new byte[65]));
        Assert.False(SiweVerifier.TryDecodeSignature("0x" + new string('a', 128) + "zz", new byte[65]));
        Assert.False(SiweVerifier.TryDecodeSignature("0x" + new string('a', 132), new byte[65]));
        Assert.True(SiweVerifier.TryDecodeSignature(new string('a', 130), new byte[65]));
    }
}
