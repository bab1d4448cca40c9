using Nectar.Core.Encoding;
using Nectar.Crypto.Keys;

namespace Nectar.Crypto.Tests.Keys;

public sealed class Bip39Tests
{
    [Theory]
    // The development phrase without a passphrase, as anvil and hardhat use it.
    [InlineData(
        "test test test test test test test test test test test junk", "",
        "9dfc3c64c2f8bede1533b6a79f8570e5943e0b8fd1cf77107adf7b72cef42185d564a3aee24cab43f80e3c4538087d70fc824eabbad596a23c97b6ee8322ccc0")]
    // The first vector of the reference implementation's list (passphrase "TREZOR").
    [InlineData(
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", "TREZOR",
        "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04")]
    public void Derives_the_seed_with_PBKDF2_HMAC_SHA512(string mnemonic, string passphrase, string expectedSeed)
    {
        Assert.Equal(expectedSeed, Hex.ToHexString(Bip39.DeriveSeed(mnemonic, passphrase), withPrefix: false));
    }

    [Fact]
    public void Passphrase_changes_the_seed()
    {
        Assert.NotEqual(Bip39.DeriveSeed(DevKeys.DefaultMnemonic), Bip39.DeriveSeed(DevKeys.DefaultMnemonic, "x"));
    }

    [Theory]
    [InlineData("caf\u00e9", "")]
    [InlineData("test test test test test test test test test test test junk", "caf\u00e9")]
    [InlineData("test test test test test test test test test test test junk", "cafe\u0301")]
    public void Refuses_text_it_cannot_normalise(string mnemonic, string passphrase)
    {
        // BIP-39 hashes the NFKD form; without normalisation a non-ASCII text would give a seed no wallet gives.
        Assert.Throws<ArgumentException>(() => Bip39.DeriveSeed(mnemonic, passphrase));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" test test test test test test test test test test test junk")]
    [InlineData("test test test test test test test test test test test junk ")]
    [InlineData("test test  test test test test test test test test test junk")]
    public void Rejects_empty_sentences_and_stray_spaces(string mnemonic)
    {
        Assert.Throws<ArgumentException>(() => Bip39.DeriveSeed(mnemonic));
    }
}
