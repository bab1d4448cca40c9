using System.Globalization;
using System.Text.Json.Nodes;
using Nectar.Core.Encoding;
using Nectar.Crypto;
using Nectar.Crypto.Signing;
using Nectar.Privacy.Sessions;

namespace Nectar.Cli.Login;

/// <summary>
/// Signs in to a Nectar node with Sign-In with Ethereum: asks the node for a nonce (<c>nectar_getLoginNonce</c>),
/// builds the EIP-4361 message the node expects, signs it with the account key as an EIP-191 personal message,
/// and exchanges it for a bearer token (<c>nectar_login</c>).
/// </summary>
public static class SiweLogin
{
    /// <summary>The statement put in the message when the node suggests none.</summary>
    public const string DefaultStatement = "Sign in to Nectar.";

    /// <summary>Signs in and returns the bearer token.</summary>
    /// <param name="client">The node's RPC client.</param>
    /// <param name="rpcUrl">The node's RPC URL: its authority and origin are the message's domain and URI unless the node names others.</param>
    /// <param name="privateKey">The account key (32 bytes).</param>
    /// <param name="secp256k1">The curve implementation.</param>
    /// <param name="cancellationToken">Cancels the sign-in.</param>
    /// <returns>The token.</returns>
    /// <exception cref="JsonRpcCallException">The node refused a call.</exception>
    public static async Task<string> SignInAsync(JsonRpcHttpClient client, Uri rpcUrl, byte[] privateKey, ISecp256k1 secp256k1, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(rpcUrl);
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(secp256k1);

        var address = new TransactionSigner(secp256k1).AddressOf(privateKey);
        var challenge = await client.CallAsync("nectar_getLoginNonce", [address.ToChecksumString()], cancellationToken).ConfigureAwait(false);

        // A node that knows the address answers the complete message to sign; it is signed as is.
        if (challenge is JsonObject ready && Text(ready, "message") is { Length: > 0 } prepared)
        {
            return await ExchangeAsync(client, prepared, privateKey, secp256k1, cancellationToken).ConfigureAwait(false);
        }

        // Otherwise the answer is the bare nonce, or an object that also says what to put in the message.
        string? nonce;
        string domain = rpcUrl.Authority;
        string uri = rpcUrl.GetLeftPart(UriPartial.Authority);
        string? statement = DefaultStatement;
        ulong? chainId = null;
        if (challenge is JsonObject details)
        {
            nonce = Text(details, "nonce");
            domain = Text(details, "domain") ?? domain;
            uri = Text(details, "uri") ?? uri;
            statement = Text(details, "statement") ?? statement;
            chainId = Quantity(details["chainId"]);
        }
        else
        {
            nonce = challenge?.GetValue<string>();
        }

        if (string.IsNullOrEmpty(nonce))
        {
            throw new JsonRpcCallException("nectar_getLoginNonce: the answer has no nonce");
        }

        chainId ??= Quantity(await client.CallAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false))
            ?? throw new JsonRpcCallException("eth_chainId: not a quantity");

        var message = new SiweMessage(
            domain,
            address,
            uri,
            chainId.Value,
            nonce,
            SiweTimestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            statement: statement).ToString();
        return await ExchangeAsync(client, message, privateKey, secp256k1, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> ExchangeAsync(JsonRpcHttpClient client, string message, byte[] privateKey, ISecp256k1 secp256k1, CancellationToken cancellationToken)
    {
        var signature = Sign(message, privateKey, secp256k1);
        var grant = await client.CallAsync("nectar_login", [message, signature], cancellationToken).ConfigureAwait(false);
        var token = grant is JsonObject result ? Text(result, "token") : grant?.GetValue<string>();
        return string.IsNullOrEmpty(token) ? throw new JsonRpcCallException("nectar_login: the answer has no token") : token;
    }

    /// <summary>Signs a text as an EIP-191 personal message: 65 bytes r ‖ s ‖ v with v = 27 or 28, as hex.</summary>
    /// <param name="message">The text.</param>
    /// <param name="privateKey">The key.</param>
    /// <param name="secp256k1">The curve implementation.</param>
    /// <returns>The 0x-prefixed signature.</returns>
    public static string Sign(string message, byte[] privateKey, ISecp256k1 secp256k1)
    {
        ArgumentNullException.ThrowIfNull(secp256k1);
        var hash = PersonalMessage.Hash(message);
        Span<byte> signature = stackalloc byte[65];
        if (!secp256k1.TrySign(hash.Bytes, privateKey, signature[..64], out var recoveryId))
        {
            throw new ArgumentException("The private key is not a valid secp256k1 key.", nameof(privateKey));
        }

        signature[64] = (byte)(27 + recoveryId);
        return Hex.ToHexString(signature);
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static ulong? Quantity(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<ulong>(out var number))
        {
            return number;
        }

        return value.TryGetValue<string>(out var text) && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) &&
            ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }
}
