using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Core.Tests.Hashing;

namespace Nectar.Core.Tests.Primitives;

public sealed class AddressTests
{
    // The mixed-case examples published with EIP-55.
    public static TheoryData<string> Eip55Examples() =>
    [
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ];

    [Theory]
    [MemberData(nameof(Eip55Examples))]
    public void Produces_the_eip55_checksum(string checksummed)
    {
        var address = Address.Parse(checksummed.ToLowerInvariant());
        Assert.Equal(checksummed, address.ToChecksumString());
        Assert.Equal(checksummed.ToLowerInvariant(), address.ToString());
        Assert.True(Address.IsChecksumValid(checksummed));
    }

    [Theory]
    [MemberData(nameof(Eip55Examples))]
    public void Accepts_a_valid_mixed_case_checksum(string checksummed)
    {
        Assert.Equal(Address.Parse(checksummed.ToLowerInvariant()), Address.Parse(checksummed));
        Assert.True(Address.TryParse(checksummed, out _));
    }

    [Theory]
    [MemberData(nameof(Eip55Examples))]
    public void Rejects_a_mixed_case_address_with_one_letter_of_the_wrong_case(string checksummed)
    {
        var index = checksummed.IndexOfAny("abcdefABCDEF".ToCharArray(), 2);
        var chars = checksummed.ToCharArray();
        chars[index] = char.IsUpper(chars[index]) ? char.ToLowerInvariant(chars[index]) : char.ToUpperInvariant(chars[index]);
        var tampered = new string(chars);

        var error = Assert.Throws<FormatException>(() => Address.Parse(tampered));
        Assert.Contains("EIP-55 checksum", error.Message, StringComparison.Ordinal);
        Assert.Contains(checksummed, error.Message, StringComparison.Ordinal);
        Assert.False(Address.TryParse(tampered, out var parsed));
        Assert.True(parsed.IsZero);
        Assert.False(Address.IsChecksumValid(tampered));
    }

    // EIP-55's examples whose checksum form happens to be all upper or all lower case.
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    public void Produces_single_case_checksums_when_the_hash_says_so(string text)
    {
        Assert.Equal(text, Address.Parse(text).ToChecksumString());
        Assert.Equal(text.ToLowerInvariant(), Address.Parse(text).ToString());
    }

    [Theory]
    [MemberData(nameof(Eip55Examples))]
    public void Accepts_single_case_text_without_checking_a_checksum(string checksummed)
    {
        var lower = checksummed.ToLowerInvariant();
        var upper = "0x" + checksummed[2..].ToUpperInvariant();
        Assert.Equal(Address.Parse(lower), Address.Parse(upper));
        Assert.False(Address.IsChecksumValid(lower));
        Assert.False(Address.IsChecksumValid(upper));
    }

    [Theory]
    [InlineData("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "must start with 0x")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea", "exactly 40 hex digits after 0x, got 38")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00", "got 42")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg", "'g' at index 41")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea d", "' ' at index 40")]
    public void Rejects_malformed_text_with_a_reason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Address.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(Address.TryParse(text, out _));
    }

    [Fact]
    public void Parses_utf8_text()
    {
        Assert.True(Address.TryParse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"u8, out var address));
        Assert.Equal("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", address.ToString());
        Assert.False(Address.TryParse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"u8, out _));
    }

    [Fact]
    public void Is_exactly_20_bytes_in_memory()
    {
        Assert.Equal(20, System.Runtime.CompilerServices.Unsafe.SizeOf<Address>());
        var bytes = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();
        var address = new Address(bytes);
        Assert.Equal(bytes, address.Bytes.ToArray());
        Assert.Throws<ArgumentException>(() => new Address(new byte[19]));
        Assert.Throws<ArgumentException>(() => new Address(new byte[32]));
    }

    [Fact]
    public void Equality_and_order_follow_the_bytes()
    {
        var random = new Random(3);
        var addresses = new List<Address>();
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[20];
            random.NextBytes(bytes);
            Array.Clear(bytes, 0, random.Next(0, 20));
            addresses.Add(new Address(bytes));
        }

        Assert.Equal(
            addresses.Select(a => a.ToString()).Order(StringComparer.Ordinal),
            addresses.Order().Select(a => a.ToString()));

        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[20];
            bytes[i] = 1;
            Assert.NotEqual(Address.Zero, new Address(bytes));
            Assert.Equal(new Address(bytes), new Address(bytes));
            Assert.Equal(new Address(bytes).GetHashCode(), new Address(bytes).GetHashCode());
        }
    }

    [Fact]
    public void Derives_the_address_of_the_public_key_of_private_key_one()
    {
        // The generator point G is the public key of the private key 1.
        var g = Convert.FromHexString(
            "79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798" +
            "483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8");
        var expected = Address.Parse("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
        Assert.Equal(expected, Address.FromPublicKey(g));
        Assert.Equal(expected, Address.FromPublicKey([0x04, .. g]));
    }

    [Theory]
    [InlineData(33)]
    [InlineData(63)]
    [InlineData(65)]
    public void Rejects_a_public_key_that_is_not_uncompressed(int length)
    {
        var key = new byte[length];
        key[0] = 0x02;
        Assert.Throws<ArgumentException>(() => Address.FromPublicKey(key));
    }

    [Theory]
    [InlineData(0UL, "0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d")]
    [InlineData(1UL, "0x343c43a37d37dff08ae8c4a11544c718abb4fcf8")]
    [InlineData(2UL, "0xf778b86fa74e846c4f0a1fbd1335fe81c00a0c91")]
    [InlineData(3UL, "0xfffd933a0bc612844eaf0c6fe3e5b8e9b6c1d19c")]
    public void Derives_create_addresses(ulong nonce, string expected)
    {
        var sender = Address.Parse("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
        Assert.Equal(expected, Address.Create(sender, nonce).ToString());
    }

    [Theory]
    [InlineData(0x7FUL, "d694", "7f")]
    [InlineData(0x80UL, "d794", "8180")]
    [InlineData(0xFFFFUL, "d894", "82ffff")]
    [InlineData(ulong.MaxValue, "de94", "88ffffffffffffffff")]
    public void Derives_create_addresses_for_multi_byte_nonces(ulong nonce, string prefix, string encodedNonce)
    {
        // keccak(rlp([sender, nonce])) written out by hand and hashed by the independent implementation.
        var sender = Address.Parse("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
        var preimage = Convert.FromHexString(prefix + "6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0" + encodedNonce);
        var expected = new Address(KeccakOracle.Hash(preimage).AsSpan(12));
        Assert.Equal(expected, Address.Create(sender, nonce));
    }

    // The examples published with EIP-1014.
    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000", "0x0000000000000000000000000000000000000000000000000000000000000000", "00", "0x4D1A2e2bB4F88F0250f26Ffff098B0b30B26BF38")]
    [InlineData("0xdeadbeef00000000000000000000000000000000", "0x0000000000000000000000000000000000000000000000000000000000000000", "00", "0xB928f69Bb1D91Cd65274e3c79d8986362984fDA3")]
    [InlineData("0xdeadbeef00000000000000000000000000000000", "0x000000000000000000000000feed000000000000000000000000000000000000", "00", "0xD04116cDd17beBE565EB2422F2497E06cC1C9833")]
    [InlineData("0x0000000000000000000000000000000000000000", "0x0000000000000000000000000000000000000000000000000000000000000000", "deadbeef", "0x70f2b2914A2a4b783FaEFb75f459A580616Fcb5e")]
    [InlineData("0x00000000000000000000000000000000deadbeef", "0x00000000000000000000000000000000000000000000000000000000cafebabe", "deadbeef", "0x60f3f640a8508fC6a86d45DF051962668E1e8AC7")]
    [InlineData("0x00000000000000000000000000000000deadbeef", "0x00000000000000000000000000000000000000000000000000000000cafebabe", "deadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef", "0x1d8bfDC5D46DC4f61D6b6115972536eBE6A8854C")]
    [InlineData("0x0000000000000000000000000000000000000000", "0x0000000000000000000000000000000000000000000000000000000000000000", "", "0xE33C0C7F7df4809055C3ebA6c09CFe4BaF1BD9e0")]
    public void Derives_create2_addresses(string sender, string salt, string initCode, string expected)
    {
        var code = Convert.FromHexString(initCode);
        var address = Address.Create2(Address.Parse(sender), Hash256.Parse(salt), code);
        Assert.Equal(expected, address.ToChecksumString());
        Assert.Equal(address, Address.Create2(Address.Parse(sender), Hash256.Parse(salt), Keccak256.Compute(code)));
    }
}
