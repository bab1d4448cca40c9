using Nectar.Core.Primitives;
using Nectar.Privacy.Sessions;

namespace Nectar.Privacy.Tests.Sessions;

public sealed class SiweMessageParsingTests
{
    private const string Weth = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";

    private const string Body =
        "\n" + Weth + "\n\n" +
        "I accept the ExampleOrg Terms of Service: https://example.com/tos\n\n" +
        "URI: https://example.com/login\n" +
        "Version: 1\n" +
        "Chain ID: 1\n" +
        "Nonce: 32891756\n" +
        "Issued At: 2021-09-30T16:25:24Z\n" +
        "Resources:\n" +
        "- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/\n" +
        "- https://example.com/my-web2-claim.json";

    /// <summary>The three example messages of EIP-4361: implicit scheme, explicit port, explicit scheme.</summary>
    public static TheoryData<string, string?, string> EipExamples => new()
    {
        { "example.com wants you to sign in with your Ethereum account:" + Body, null, "example.com" },
        { "example.com:3388 wants you to sign in with your Ethereum account:" + Body, null, "example.com:3388" },
        { "https://example.com wants you to sign in with your Ethereum account:" + Body, "https", "example.com" },
    };

    [Theory]
    [MemberData(nameof(EipExamples))]
    public void Parses_the_example_messages_of_the_eip(string text, string? scheme, string domain)
    {
        var message = SiweMessage.Parse(text);

        Assert.Equal(scheme, message.Scheme);
        Assert.Equal(domain, message.Domain);
        Assert.Equal(Address.Parse(Weth), message.Address);
        Assert.Equal("I accept the ExampleOrg Terms of Service: https://example.com/tos", message.Statement);
        Assert.Equal("https://example.com/login", message.Uri);
        Assert.Equal("1", message.Version);
        Assert.Equal(1UL, message.ChainId);
        Assert.Equal("32891756", message.Nonce);
        Assert.Equal(new DateTimeOffset(2021, 9, 30, 16, 25, 24, TimeSpan.Zero), message.IssuedAt.Value);
        Assert.Null(message.ExpirationTime);
        Assert.Null(message.NotBefore);
        Assert.Null(message.RequestId);
        Assert.Equal(
            ["ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/", "https://example.com/my-web2-claim.json"],
            message.Resources);
        Assert.Equal(text, message.ToString());
    }

    [Fact]
    public void Parses_and_round_trips_every_optional_field()
    {
        var text =
            "http://127.0.0.1:8545 wants you to sign in with your Ethereum account:\n" + Weth + "\n\n" +
            "Statement with reserved chars: /?#[]@!$&'()*+,;= and unreserved -._~\n\n" +
            "URI: http://127.0.0.1:8545/rpc?x=1#frag\n" +
            "Version: 1\n" +
            "Chain ID: 18446744073709551615\n" +
            "Nonce: abcDEF123456\n" +
            "Issued At: 2026-03-01T09:00:00.123456789+02:00\n" +
            "Expiration Time: 2026-03-01T10:00:00Z\n" +
            "Not Before: 2026-03-01t08:59:00z\n" +
            "Request ID: req-42:%41@x\n" +
            "Resources:\n" +
            "- urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66\n" +
            "- https://[2001:db8::7]:443/record";

        var message = SiweMessage.Parse(text);

        Assert.Equal("http", message.Scheme);
        Assert.Equal("127.0.0.1:8545", message.Domain);
        Assert.Equal(ulong.MaxValue, message.ChainId);
        Assert.Equal("abcDEF123456", message.Nonce);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 7, 0, 0, TimeSpan.Zero).AddTicks(1_234_567), message.IssuedAt.Value);
        Assert.Equal("2026-03-01T09:00:00.123456789+02:00", message.IssuedAt.Text);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), message.ExpirationTime!.Value);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 59, 0, TimeSpan.Zero), message.NotBefore!.Value);
        Assert.Equal("req-42:%41@x", message.RequestId);
        Assert.Equal(2, message.Resources!.Count);
        Assert.Equal(text, message.ToString());
    }

    [Fact]
    public void Tells_a_missing_statement_from_an_empty_one()
    {
        var head = "example.com wants you to sign in with your Ethereum account:\n" + Weth + "\n";
        var tail = "URI: https://example.com\nVersion: 1\nChain ID: 1\nNonce: 12345678\nIssued At: 2021-09-30T16:25:24Z";

        var none = SiweMessage.Parse(head + "\n\n" + tail);
        var empty = SiweMessage.Parse(head + "\n\n\n" + tail);

        Assert.Null(none.Statement);
        Assert.Equal(string.Empty, empty.Statement);
        Assert.Equal(head + "\n\n" + tail, none.ToString());
        Assert.Equal(head + "\n\n\n" + tail, empty.ToString());
    }

    [Fact]
    public void Keeps_an_empty_resources_section_and_an_empty_request_id()
    {
        var text = "example.com wants you to sign in with your Ethereum account:\n" + Weth + "\n\n\n" +
            "URI: https://example.com\nVersion: 1\nChain ID: 1\nNonce: 12345678\nIssued At: 2021-09-30T16:25:24Z\n" +
            "Request ID: \nResources:";

        var message = SiweMessage.Parse(text);

        Assert.Equal(string.Empty, message.RequestId);
        Assert.NotNull(message.Resources);
        Assert.Empty(message.Resources);
        Assert.Equal(text, message.ToString());
    }

    [Theory]
    [InlineData("test@127.0.0.1:8080")]
    [InlineData("[::1]:8545")]
    [InlineData("[v1.fe80::a+en1]")]
    [InlineData("sub.example.com")]
    [InlineData("xn--nxasmq6b.example")]
    public void Accepts_any_rfc3986_authority_as_domain(string domain)
    {
        var text = domain + " wants you to sign in with your Ethereum account:\n" + Weth +
            "\n\n\nURI: https://example.com\nVersion: 1\nChain ID: 1\nNonce: 12345678\nIssued At: 2021-09-30T16:25:24Z";

        Assert.Equal(domain, SiweMessage.Parse(text).Domain);
    }

    public static TheoryData<string, int, string, string> Malformed => new()
    {
        { Replace("Chain ID: 1\n", string.Empty), 8, "Chain ID", "found the Nonce field where the Chain ID field belongs" },
        { Replace("URI: https://example.com/login\nVersion: 1\n", "Version: 1\nURI: https://example.com/login\n"), 6, "URI", "found the Version field" },
        { Replace("Nonce: 32891756\nIssued At: 2021-09-30T16:25:24Z", "Issued At: 2021-09-30T16:25:24Z\nNonce: 32891756"), 9, "Nonce", "found the Issued At field" },
        { Replace("Version: 1", "Version: 2"), 7, "Version", "must be 1" },
        { Replace("Chain ID: 1", "Chain ID: ?"), 8, "Chain ID", "not a decimal chain id" },
        { Replace("Chain ID: 1", "Chain ID: 01"), 8, "Chain ID", "leading zeros" },
        { Replace("Chain ID: 1", "Chain ID: 18446744073709551616"), 8, "Chain ID", "64 bits" },
        { Replace("Nonce: 32891756", "Nonce: 1234567"), 9, "Nonce", "at least 8" },
        { Replace("Nonce: 32891756", "Nonce: 1234-5678"), 9, "Nonce", "at least 8" },
        { Replace("Issued At: 2021-09-30T16:25:24Z", "Issued At: Wed Oct 05 2011 16:48:00 GMT+0200"), 10, "Issued At", "not an RFC 3339" },
        { Replace("Issued At: 2021-09-30T16:25:24Z", "Issued At: 2021-02-30T16:25:24Z"), 10, "Issued At", "does not exist" },
        { Replace("Issued At: 2021-09-30T16:25:24Z", "Issued At: 2021-09-30T16:25:24"), 10, "Issued At", "offset" },
        { Replace("Issued At: 2021-09-30T16:25:24Z", "Issued At: 2016-12-31T23:59:60Z"), 10, "Issued At", "leap second" },
        { Replace("URI: https://example.com/login", "URI: _not_a_rfc3986_valid_uri_"), 6, "URI", "not an RFC 3986 URI" },
        { Replace("URI: https://example.com/login", "URI: https://example.com/a b"), 6, "URI", "not an RFC 3986 URI" },
        { Replace("URI: https://example.com/login", "URI: https://example.com/%zz"), 6, "URI", "not an RFC 3986 URI" },
        { Replace(Weth, Weth.ToLowerInvariant()), 2, "address", "EIP-55 checksum form (" + Weth + ")" },
        { Replace(Weth, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756cc2"), 2, "address", "checksum" },
        { Replace(Weth, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756C"), 2, "address", "40 hexadecimal digits" },
        { Replace("example.com wants", "example com wants"), 1, "domain", "not an RFC 3986 authority" },
        { Replace("example.com wants", " wants"), 1, "domain", "missing" },
        { Replace("example.com wants", "1https://example.com wants"), 1, "scheme", "not an RFC 3986 scheme" },
        { Replace("wants you to sign in", "wants you to log in"), 1, "header", "expected" },
        { Replace("Terms of Service: https", "Terms of Service: \nhttps"), 5, "blank line", "single line" },
        { Replace("Terms of Service", "Terms of \"Service\""), 4, "statement", "'\"' at column 34" },
        { Replace("Terms of Service", "Terms of Servicé"), 4, "statement", "\\u00E9" },
        { Replace("\n\nI accept", "\n\n\nI accept"), 5, "URI", "expected 'URI: " },
        { Replace("\nVersion: 1", "\r\nVersion: 1"), 6, "line ending", "carriage return" },
        { Replace("- https://example.com/my-web2-claim.json", "- https://example.com/my-web2-claim.json\n"), 14, "end", "must not end with a line break" },
        { Replace("- https://example.com/my-web2-claim.json", "- not a uri"), 13, "Resources", "not an RFC 3986 URI" },
        { Replace("Resources:\n", "Resources:\nNot Before: 2021-09-30T16:25:24Z\n"), 12, "Not Before", "repeated or out of order" },
        { Replace("Issued At: 2021-09-30T16:25:24Z", "Issued At: 2021-09-30T16:25:24Z\nRequest ID: a b"), 11, "Request ID", "not a valid request id" },
        { Replace("Issued At: 2021-09-30T16:25:24Z", "Issued At: 2021-09-30T16:25:24Z\nRequest ID: x\nExpiration Time: 2021-09-30T16:25:24Z"), 12, "Expiration Time", "repeated or out of order" },
        { Replace("Resources:", "Resources: "), 11, "end", "unexpected line" },
        { "example.com wants you to sign in with your Ethereum account:\n" + Weth, 3, "blank line", "ends after the address" },
        { "example.com wants you to sign in with your Ethereum account:\n" + Weth + "\n\nStatement", 5, "blank line", "single line" },
        { "example.com wants you to sign in with your Ethereum account:\n" + Weth + "\n\n\nURI: https://example.com\nVersion: 1", 7, "Chain ID", "ends before the Chain ID field" },
        { string.Empty, 1, "header", "expected" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Rejects_malformed_messages_naming_the_line_and_field(string text, int line, string field, string problem)
    {
        var exception = Assert.Throws<SiweFormatException>(() => SiweMessage.Parse(text));

        Assert.Equal(line, exception.Line);
        Assert.Equal(field, exception.Field);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Line {line} ({field}): ", exception.Message, StringComparison.Ordinal);

        Assert.False(SiweMessage.TryParse(text, out var message, out var error));
        Assert.Null(message);
        Assert.Equal(exception.Message, error);
    }

    [Fact]
    public void Try_parse_succeeds_exactly_when_parse_does()
    {
        var text = "example.com wants you to sign in with your Ethereum account:" + Body;

        Assert.True(SiweMessage.TryParse(text, out var message, out var error));
        Assert.Null(error);
        Assert.Equal(text, message.ToString());
        Assert.False(SiweMessage.TryParse(null, out _, out error));
        Assert.Contains("Line 1", error, StringComparison.Ordinal);
    }

    private static string Replace(string oldValue, string newValue)
    {
        var text = "example.com wants you to sign in with your Ethereum account:" + Body;
        Assert.Contains(oldValue, text, StringComparison.Ordinal);
        return text.Replace(oldValue, newValue, StringComparison.Ordinal);
    }
}
