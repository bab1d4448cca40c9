using Nectar.Core.Encoding;
using Nectar.Crypto.Keys;

namespace Nectar.Crypto.Tests.Keys;

/// <summary>The test vectors of BIP-32 itself: every chain's extended private and public key, byte for byte.</summary>
public sealed class Bip32VectorTests
{
    public static TheoryData<string, string, string, string> Vectors => new()
    {
        // Test vector 1.
        {
            "000102030405060708090a0b0c0d0e0f", "m",
            "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8",
            "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
        },
        {
            "000102030405060708090a0b0c0d0e0f", "m/0'",
            "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw",
            "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7"
        },
        {
            "000102030405060708090a0b0c0d0e0f", "m/0'/1",
            "xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ",
            "xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs"
        },
        {
            "000102030405060708090a0b0c0d0e0f", "m/0'/1/2'",
            "xpub6D4BDPcP2GT577Vvch3R8wDkScZWzQzMMUm3PWbmWvVJrZwQY4VUNgqFJPMM3No2dFDFGTsxxpG5uJh7n7epu4trkrX7x7DogT5Uv6fcLW5",
            "xprv9z4pot5VBttmtdRTWfWQmoH1taj2axGVzFqSb8C9xaxKymcFzXBDptWmT7FwuEzG3ryjH4ktypQSAewRiNMjANTtpgP4mLTj34bhnZX7UiM"
        },
        {
            "000102030405060708090a0b0c0d0e0f", "m/0'/1/2'/2",
            "xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV",
            "xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334"
        },
        {
            "000102030405060708090a0b0c0d0e0f", "m/0'/1/2'/2/1000000000",
            "xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy",
            "xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76"
        },

        // Test vector 2.
        {
            Vector2Seed, "m",
            "xpub661MyMwAqRbcFW31YEwpkMuc5THy2PSt5bDMsktWQcFF8syAmRUapSCGu8ED9W6oDMSgv6Zz8idoc4a6mr8BDzTJY47LJhkJ8UB7WEGuduB",
            "xprv9s21ZrQH143K31xYSDQpPDxsXRTUcvj2iNHm5NUtrGiGG5e2DtALGdso3pGz6ssrdK4PFmM8NSpSBHNqPqm55Qn3LqFtT2emdEXVYsCzC2U"
        },
        {
            Vector2Seed, "m/0",
            "xpub69H7F5d8KSRgmmdJg2KhpAK8SR3DjMwAdkxj3ZuxV27CprR9LgpeyGmXUbC6wb7ERfvrnKZjXoUmmDznezpbZb7ap6r1D3tgFxHmwMkQTPH",
            "xprv9vHkqa6EV4sPZHYqZznhT2NPtPCjKuDKGY38FBWLvgaDx45zo9WQRUT3dKYnjwih2yJD9mkrocEZXo1ex8G81dwSM1fwqWpWkeS3v86pgKt"
        },
        {
            Vector2Seed, "m/0/2147483647'",
            "xpub6ASAVgeehLbnwdqV6UKMHVzgqAG8Gr6riv3Fxxpj8ksbH9ebxaEyBLZ85ySDhKiLDBrQSARLq1uNRts8RuJiHjaDMBU4Zn9h8LZNnBC5y4a",
            "xprv9wSp6B7kry3Vj9m1zSnLvN3xH8RdsPP1Mh7fAaR7aRLcQMKTR2vidYEeEg2mUCTAwCd6vnxVrcjfy2kRgVsFawNzmjuHc2YmYRmagcEPdU9"
        },
        {
            Vector2Seed, "m/0/2147483647'/1",
            "xpub6DF8uhdarytz3FWdA8TvFSvvAh8dP3283MY7p2V4SeE2wyWmG5mg5EwVvmdMVCQcoNJxGoWaU9DCWh89LojfZ537wTfunKau47EL2dhHKon",
            "xprv9zFnWC6h2cLgpmSA46vutJzBcfJ8yaJGg8cX1e5StJh45BBciYTRXSd25UEPVuesF9yog62tGAQtHjXajPPdbRCHuWS6T8XA2ECKADdw4Ef"
        },
        {
            Vector2Seed, "m/0/2147483647'/1/2147483646'",
            "xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL",
            "xprvA1RpRA33e1JQ7ifknakTFpgNXPmW2YvmhqLQYMmrj4xJXXWYpDPS3xz7iAxn8L39njGVyuoseXzU6rcxFLJ8HFsTjSyQbLYnMpCqE2VbFWc"
        },
        {
            Vector2Seed, "m/0/2147483647'/1/2147483646'/2",
            "xpub6FnCn6nSzZAw5Tw7cgR9bi15UV96gLZhjDstkXXxvCLsUXBGXPdSnLFbdpq8p9HmGsApME5hQTZ3emM2rnY5agb9rXpVGyy3bdW6EEgAtqt",
            "xprvA2nrNbFZABcdryreWet9Ea4LvTJcGsqrMzxHx98MMrotbir7yrKCEXw7nadnHM8Dq38EGfSh6dqA9QWTyefMLEcBYJUuekgW4BYPJcr9E7j"
        },
    };

    private const string Vector2Seed =
        "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542";

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Derives_the_extended_keys_of_the_BIP32_test_vectors(string seed, string path, string expectedPublic, string expectedPrivate)
    {
        var key = ExtendedPrivateKey.FromSeed(Hex.Decode(seed)).Derive(KeyPath.Parse(path));

        Assert.Equal(expectedPrivate, key.Serialize(includePrivate: true));
        Assert.Equal(expectedPublic, key.Serialize(includePrivate: false));
        Assert.Equal(path, key.Path.ToString());
    }

    [Fact]
    public void Deriving_step_by_step_equals_deriving_the_whole_path()
    {
        var master = ExtendedPrivateKey.FromSeed(Hex.Decode(Vector2Seed));

        var stepwise = master.Derive(0).Derive(2147483647 | KeyPath.HardenedOffset).Derive(1);
        var whole = master.Derive(KeyPath.Parse("m/0/2147483647'/1"));

        Assert.Equal(whole.ExportPrivateKey(), stepwise.ExportPrivateKey());
        Assert.Equal(whole.ParentFingerprint, stepwise.ParentFingerprint);
        Assert.Equal(master.Derive(0).Derive(2147483647 | KeyPath.HardenedOffset).Fingerprint, whole.ParentFingerprint);
    }

    [Fact]
    public void Hardened_and_normal_children_of_one_index_differ()
    {
        var master = ExtendedPrivateKey.FromSeed(Hex.Decode("000102030405060708090a0b0c0d0e0f"));

        Assert.NotEqual(master.Derive(0).ExportPrivateKey(), master.Derive(KeyPath.HardenedOffset).ExportPrivateKey());
    }

    [Theory]
    [InlineData(15)]
    [InlineData(65)]
    [InlineData(0)]
    public void Rejects_seeds_outside_16_to_64_bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => ExtendedPrivateKey.FromSeed(new byte[length]));
    }

    [Fact]
    public void Text_form_shows_path_and_address_but_never_the_key()
    {
        var key = ExtendedPrivateKey.FromMnemonic(DevKeys.DefaultMnemonic).Derive(KeyPath.Ethereum(0));
        var secret = Hex.ToHexString(key.ExportPrivateKey(), withPrefix: false);

        var text = key.ToString();

        Assert.Equal("m/44'/60'/0'/0/0 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", text);
        Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
    }
}
