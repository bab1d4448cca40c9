using System.Diagnostics.CodeAnalysis;
using Nectar.Core.Primitives;

namespace Nectar.Privacy.Sessions;

/// <summary>
/// A Sign-In with Ethereum message (EIP-4361): what a user signs with their account key to obtain a session.
/// </summary>
/// <remarks>
/// Parsing is strict (the EIP's ABNF, LF line endings, no trailing line break, the address in EIP-55 checksum
/// form, a chain id without leading zeros) and round-trips exactly: <c>Parse(text).ToString() == text</c> for
/// every text <see cref="Parse"/> accepts, so the formatted message is the byte string that was signed.
/// Instances are immutable; the constructor applies the same rules as the parser.
/// </remarks>
public sealed partial class SiweMessage
{
    /// <summary>The only version EIP-4361 defines.</summary>
    public const string CurrentVersion = "1";

    private readonly string[]? _resources;

    /// <summary>Creates a message, checking every field against the EIP's grammar.</summary>
    /// <param name="domain">The RFC 3986 authority asking for the sign-in, e.g. <c>rpc.example.org:8545</c>.</param>
    /// <param name="address">The signing account.</param>
    /// <param name="uri">The RFC 3986 URI that is the subject of the sign-in.</param>
    /// <param name="chainId">The EIP-155 chain id the session is bound to.</param>
    /// <param name="nonce">The nonce the node issued: at least 8 letters or digits.</param>
    /// <param name="issuedAt">When the message was created.</param>
    /// <param name="scheme">The URI scheme of the requesting origin, or <see langword="null"/> (https is then implied).</param>
    /// <param name="statement">A human-readable line without line breaks, or <see langword="null"/>.</param>
    /// <param name="expirationTime">When the message stops being valid, or <see langword="null"/>.</param>
    /// <param name="notBefore">When the message becomes valid, or <see langword="null"/>.</param>
    /// <param name="requestId">A request identifier (pchar characters), or <see langword="null"/>.</param>
    /// <param name="resources">URIs the user asks to have resolved, or <see langword="null"/> for no Resources section.</param>
    /// <exception cref="ArgumentException">A field does not satisfy the grammar; the message names it.</exception>
    public SiweMessage(
        string domain,
        Address address,
        string uri,
        ulong chainId,
        string nonce,
        SiweTimestamp issuedAt,
        string? scheme = null,
        string? statement = null,
        SiweTimestamp? expirationTime = null,
        SiweTimestamp? notBefore = null,
        string? requestId = null,
        IEnumerable<string>? resources = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(issuedAt);

        if (scheme is not null && !SiweGrammar.IsScheme(scheme))
        {
            throw new ArgumentException($"'{scheme}' is not an RFC 3986 scheme.", nameof(scheme));
        }

        if (!SiweGrammar.IsAuthority(domain))
        {
            throw new ArgumentException($"'{domain}' is not an RFC 3986 authority.", nameof(domain));
        }

        if (statement is not null && SiweGrammar.IndexOfInvalidStatementCharacter(statement) is var bad and >= 0)
        {
            throw new ArgumentException($"The statement may not contain '{Printable(statement[bad])}' (position {bad + 1}).", nameof(statement));
        }

        if (!SiweGrammar.IsUri(uri))
        {
            throw new ArgumentException($"'{uri}' is not an RFC 3986 URI.", nameof(uri));
        }

        if (!SiweGrammar.IsNonce(nonce))
        {
            throw new ArgumentException("The nonce must be at least 8 letters or digits.", nameof(nonce));
        }

        if (requestId is not null && !SiweGrammar.IsRequestId(requestId))
        {
            throw new ArgumentException($"'{requestId}' is not a valid request id (RFC 3986 pchar characters only).", nameof(requestId));
        }

        string[]? resourceArray = null;
        if (resources is not null)
        {
            resourceArray = [.. resources];
            foreach (var resource in resourceArray)
            {
                if (resource is null || !SiweGrammar.IsUri(resource))
                {
                    throw new ArgumentException($"The resource '{resource}' is not an RFC 3986 URI.", nameof(resources));
                }
            }
        }

        Scheme = scheme;
        Domain = domain;
        Address = address;
        Statement = statement;
        Uri = uri;
        ChainId = chainId;
        Nonce = nonce;
        IssuedAt = issuedAt;
        ExpirationTime = expirationTime;
        NotBefore = notBefore;
        RequestId = requestId;
        _resources = resourceArray;
    }

    /// <summary>Used by the parser, which has already checked every field.</summary>
    private SiweMessage(in ParsedFields fields)
    {
        Scheme = fields.Scheme;
        Domain = fields.Domain;
        Address = fields.Address;
        Statement = fields.Statement;
        Uri = fields.Uri;
        ChainId = fields.ChainId;
        Nonce = fields.Nonce;
        IssuedAt = fields.IssuedAt;
        ExpirationTime = fields.ExpirationTime;
        NotBefore = fields.NotBefore;
        RequestId = fields.RequestId;
        _resources = fields.Resources;
    }

    /// <summary>The scheme written before the domain (<c>https://example.com wants you…</c>), or <see langword="null"/>.</summary>
    public string? Scheme { get; }

    /// <summary>The RFC 3986 authority that asks for the sign-in.</summary>
    public string Domain { get; }

    /// <summary>The account that signs in.</summary>
    public Address Address { get; }

    /// <summary>The statement, or <see langword="null"/> when the message has none (an empty statement is <c>""</c>).</summary>
    public string? Statement { get; }

    /// <summary>The RFC 3986 URI that is the subject of the sign-in, exactly as written.</summary>
    [SuppressMessage("Design", "CA1056:URI-like properties should not be strings", Justification = "The exact signed text must be kept; System.Uri normalises it.")]
    public string Uri { get; }

    /// <summary>The message version; always <see cref="CurrentVersion"/>.</summary>
    public string Version => CurrentVersion;

    /// <summary>The EIP-155 chain id the session is bound to.</summary>
    public ulong ChainId { get; }

    /// <summary>The nonce.</summary>
    public string Nonce { get; }

    /// <summary>When the message was created.</summary>
    public SiweTimestamp IssuedAt { get; }

    /// <summary>When the message stops being valid, or <see langword="null"/>.</summary>
    public SiweTimestamp? ExpirationTime { get; }

    /// <summary>When the message becomes valid, or <see langword="null"/>.</summary>
    public SiweTimestamp? NotBefore { get; }

    /// <summary>The request id, or <see langword="null"/> (an empty request id is <c>""</c>).</summary>
    public string? RequestId { get; }

    /// <summary>The resources, or <see langword="null"/> when the message has no Resources section.</summary>
    public IReadOnlyList<string>? Resources => _resources;

    private static string Printable(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ when char.IsControl(c) || c > '~' => $"\\u{(int)c:X4}",
        _ => c.ToString(),
    };

    /// <summary>The checked fields of a parsed message, handed to the private constructor in one piece.</summary>
    private struct ParsedFields
    {
        public string? Scheme;
        public string Domain;
        public Address Address;
        public string? Statement;
        public string Uri;
        public ulong ChainId;
        public string Nonce;
        public SiweTimestamp IssuedAt;
        public SiweTimestamp? ExpirationTime;
        public SiweTimestamp? NotBefore;
        public string? RequestId;
        public string[]? Resources;
    }
}
