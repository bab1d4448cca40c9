using System.Text.Json.Serialization;

namespace Nectar.JsonRpc.Login;

/// <summary>
/// What <c>nectar_getLoginNonce</c> returns: a fresh nonce and every other field the EIP-4361 message must carry to
/// be accepted by this node, and, when the caller named its address, the message itself ready to sign.
/// </summary>
public sealed class LoginChallenge
{
    /// <summary>The nonce to put in the message; single use.</summary>
    public required string Nonce { get; init; }

    /// <summary>The domain the message must name.</summary>
    public required string Domain { get; init; }

    /// <summary>The URI the message should name.</summary>
    public required string Uri { get; init; }

    /// <summary>The message version, <c>1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The chain id the message must name (a quantity; the message writes it in decimal).</summary>
    public required ulong ChainId { get; init; }

    /// <summary>The statement line to use, or <see langword="null"/> for none.</summary>
    public string? Statement { get; init; }

    /// <summary>When the nonce was issued (RFC 3339): a suitable Issued At.</summary>
    public required string IssuedAt { get; init; }

    /// <summary>When the nonce stops being accepted (RFC 3339).</summary>
    public required string ExpiresAt { get; init; }

    /// <summary>The complete message for the address the caller named, to sign as is (EIP-191 personal_sign).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }
}
