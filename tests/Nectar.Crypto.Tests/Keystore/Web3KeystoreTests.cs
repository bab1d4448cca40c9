using System.Text.Json.Nodes;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using Nectar.Crypto.Keystore;

namespace Nectar.Crypto.Tests.Keystore;

public sealed class Web3KeystoreTests
{
    // The test vectors of the Web3 Secret Storage definition: password "testpassword", one key, two KDFs.
    private const string Password = "testpassword";
    private const string PrivateKey = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
    private static readonly Address VectorAddress = Address.Parse("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b");

    private const string ScryptVector = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "83dbcc02d8ccb40e466191a123791e0e" },
            "ciphertext": "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
            "kdf": "scrypt",
            "kdfparams": { "dklen": 32, "n": 262144, "p": 8, "r": 1, "salt": "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19" },
            "mac": "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"
          },
          "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
          "version": 3
        }
        """;

    private const string Pbkdf2Vector = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "6087dab2f9fdbbfaddc31a909735c1e6" },
            "ciphertext": "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
            "kdf": "pbkdf2",
            "kdfparams": { "c": 262144, "dklen": 32, "prf": "hmac-sha256", "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd" },
            "mac": "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"
          },
          "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
          "version": 3
        }
        """;

    [Fact]
    public void Decrypts_the_scrypt_vector_of_the_definition()
    {
        var key = Web3Keystore.Decrypt(ScryptVector, Password);

        Assert.Equal(PrivateKey, Hex.ToHexString(key, withPrefix: false));
    }

    [Fact]
    public void Decrypts_the_pbkdf2_vector_of_the_definition()
    {
        var key = Web3Keystore.Decrypt(Pbkdf2Vector, Password);

        Assert.Equal(PrivateKey, Hex.ToHexString(key, withPrefix: false));
    }

    [Fact]
    public void Encrypting_with_the_vectors_salt_and_iv_reproduces_its_ciphertext_and_mac()
    {
        var json = Web3Keystore.Encrypt(
            Hex.Decode(PrivateKey),
            Password,
            VectorAddress,
            new ScryptParameters(262144, 1, 8),
            Hex.Decode("ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"),
            Hex.Decode("83dbcc02d8ccb40e466191a123791e0e"),
            Guid.Parse("3198bc9c-6672-5ab3-d995-4942343ae5b6"));

        var crypto = JsonNode.Parse(json)!["crypto"]!;
        Assert.Equal("d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c", crypto["ciphertext"]!.GetValue<string>());
        Assert.Equal("2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097", crypto["mac"]!.GetValue<string>());
        Assert.Equal("008aeeda4d805471df9b2a5b0f38a0c3bcba786b", JsonNode.Parse(json)!["address"]!.GetValue<string>());
    }

    [Fact]
    public void Refuses_a_wrong_password_as_a_mac_mismatch()
    {
        var exception = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(Pbkdf2Vector, "testpassworD"));

        Assert.True(exception.IsWrongPassword);
        Assert.DoesNotContain("testpassworD", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_tampered_ciphertext()
    {
        var tampered = Pbkdf2Vector.Replace("5318b4d5", "5318b4d6", StringComparison.Ordinal);

        var exception = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(tampered, Password));

        Assert.True(exception.IsWrongPassword);
    }

    [Fact]
    public void Round_trips_a_fresh_key_with_random_salt_iv_and_id()
    {
        var key = Hex.Decode("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        var address = Address.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

        var first = Web3Keystore.Encrypt(key, "correct horse", address, ScryptParameters.Light);
        var second = Web3Keystore.Encrypt(key, "correct horse", address, ScryptParameters.Light);

        Assert.Equal(key, Web3Keystore.Decrypt(first, "correct horse"));
        Assert.NotEqual(first, second);
        var info = Web3Keystore.ReadInfo(first);
        Assert.Equal(address, info.Address);
        Assert.NotEqual(Guid.Empty, info.Id);
        Assert.NotEqual(info.Id, Web3Keystore.ReadInfo(second).Id);
        var kdf = JsonNode.Parse(first)!["crypto"]!["kdfparams"]!;
        Assert.Equal(4096, kdf["n"]!.GetValue<int>());
        Assert.Equal(3, JsonNode.Parse(first)!["version"]!.GetValue<int>());
    }

    [Fact]
    public void Reads_old_files_that_spell_the_crypto_section_with_a_capital()
    {
        var old = Pbkdf2Vector.Replace("\"crypto\"", "\"Crypto\"", StringComparison.Ordinal);

        Assert.Equal(PrivateKey, Hex.ToHexString(Web3Keystore.Decrypt(old, Password), withPrefix: false));
    }

    [Fact]
    public void A_file_without_an_address_reads_as_unknown_address()
    {
        var info = Web3Keystore.ReadInfo(ScryptVector);

        Assert.Null(info.Address);
        Assert.Equal(Guid.Parse("3198bc9c-6672-5ab3-d995-4942343ae5b6"), info.Id);
    }

    [Theory]
    [InlineData("\"aes-128-ctr\"", "\"aes-128-cbc\"", "Unsupported cipher 'aes-128-cbc'")]
    [InlineData("\"kdf\": \"pbkdf2\"", "\"kdf\": \"argon2\"", "Unsupported key derivation 'argon2'")]
    [InlineData("\"hmac-sha256\"", "\"hmac-sha512\"", "Unsupported PBKDF2 function 'hmac-sha512'")]
    [InlineData("\"version\": 3", "\"version\": 4", "Only version 3 keystore files are supported (version: 4)")]
    [InlineData("\"dklen\": 32", "\"dklen\": 16", "crypto.kdfparams.dklen must be 32, got 16")]
    [InlineData("\"6087dab2f9fdbbfaddc31a909735c1e6\"", "\"6087dab2\"", "crypto.cipherparams.iv must be 16 bytes, got 4")]
    [InlineData("\"c\": 262144", "\"c\": 2000000000", "crypto.kdfparams.c must lie between 1 and 10000000")]
    public void Refuses_unsupported_or_malformed_files_with_a_precise_message(string find, string replace, string expected)
    {
        var changed = Pbkdf2Vector.Replace(find, replace, StringComparison.Ordinal);

        var exception = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(changed, Password));

        Assert.False(exception.IsWrongPassword);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"n\": 262144", "\"n\": 1073741824", "exceeds the limit")]
    [InlineData("\"n\": 262144", "\"n\": 1000", "power of two")]
    [InlineData("\"p\": 8", "\"p\": 64", "scrypt p must lie between 1 and 16")]
    public void Refuses_scrypt_parameters_that_would_exhaust_the_machine_before_deriving(string find, string replace, string expected)
    {
        var changed = ScryptVector.Replace(find, replace, StringComparison.Ordinal);

        var exception = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(changed, Password));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_text_that_is_not_json()
    {
        var exception = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt("{not json", Password));

        Assert.Equal("The keystore file is not valid JSON.", exception.Message);
    }

    [Fact]
    public void Refuses_keys_that_are_not_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => Web3Keystore.Encrypt(new byte[31], "x", VectorAddress, ScryptParameters.Light));
    }

    [Fact]
    public void File_name_follows_go_ethereum()
    {
        var name = Web3Keystore.FileName(VectorAddress, new DateTimeOffset(2024, 5, 17, 12, 34, 56, 789, TimeSpan.Zero));

        Assert.Equal("UTC--2024-05-17T12-34-56.7890000Z--008aeeda4d805471df9b2a5b0f38a0c3bcba786b", name);
    }
}
