using System.Text.Json;
using Nectar.Benchmarks.Load.Rpc;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using Nectar.Crypto;
using Nectar.Privacy.Sessions;

namespace Nectar.Benchmarks.Load.Setup;

/// <summary>
/// Signs in to Nectar as a wallet does: asks for a nonce, builds the EIP-4361 message, signs it with
/// <c>personal_sign</c> (EIP-191) and exchanges message and signature for a session token.
/// </summary>
internal static class SiweLogin
{
    /// <summary>The statement of every message.</summary>
    public const string Statement = "Sign in to the Nectar devnet for a load test.";

    /// <summary>Signs in one account.</summary>
    /// <param name="rpc">The node's client.</param>
    /// <param name="chainId">The chain id.</param>
    /// <param name="secp256k1">The curve.</param>
    /// <param name="address">The account.</param>
    /// <param name="privateKey">Its key.</param>
    /// <param name="cancellationToken">Cancels the sign-in.</param>
    /// <returns>The session token.</returns>
    /// <exception cref="JsonRpcException">The node refused the sign-in.</exception>
    public static async Task<string> LoginAsync(
        JsonRpcHttpClient rpc, ulong chainId, ISecp256k1 secp256k1, Address address, byte[] privateKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        // Naming the address asks the node for the complete message; a node that states only the fields gets a
        // message built from them.
        var challenge = LoginChallenge.Parse(await rpc.CallAsync(
            "nectar_getLoginNonce", null, w => w.WriteStringValue(address.ToString()), cancellationToken).ConfigureAwait(false));
        var message = challenge.Message ?? BuildMessage(challenge, rpc.Endpoint, chainId, address, DateTimeOffset.UtcNow).ToString();
        var signature = Sign(secp256k1, message, privateKey);
        var grant = await rpc.CallAsync(
            "nectar_login",
            null,
            w =>
            {
                w.WriteStringValue(message);
                w.WriteStringValue(signature);
            },
            cancellationToken).ConfigureAwait(false);
        return grant.ValueKind == JsonValueKind.Object && grant.TryGetProperty("token", out var token) && token.GetString() is { Length: > 0 } text
            ? text
            : throw new JsonRpcException("nectar_login", 0, $"The answer has no token: {grant.GetRawText()}");
    }

    /// <summary>The message a wallet would sign for a challenge.</summary>
    /// <param name="challenge">The node's challenge.</param>
    /// <param name="rpcUrl">The node's RPC URL (domain and URI where the challenge names none).</param>
    /// <param name="chainId">The chain id, where the challenge names none.</param>
    /// <param name="address">The account signing in.</param>
    /// <param name="now">The issue time, where the challenge suggests none.</param>
    /// <returns>The message.</returns>
    public static SiweMessage BuildMessage(LoginChallenge challenge, Uri rpcUrl, ulong chainId, Address address, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(rpcUrl);
        return new SiweMessage(
            challenge.Domain ?? rpcUrl.Authority,
            address,
            challenge.Uri ?? rpcUrl.GetLeftPart(UriPartial.Authority),
            challenge.ChainId ?? chainId,
            challenge.Nonce,
            challenge.IssuedAt is { } issuedAt ? SiweTimestamp.Parse(issuedAt) : SiweTimestamp.FromDateTimeOffset(now),
            scheme: challenge.Scheme,
            statement: challenge.Statement ?? (challenge.Domain is null ? Statement : null));
    }

    /// <summary>Signs a text as <c>personal_sign</c> does: 65 bytes r ‖ s ‖ v with v = 27 + recovery id, as hex.</summary>
    /// <param name="secp256k1">The curve.</param>
    /// <param name="message">The text.</param>
    /// <param name="privateKey">The key.</param>
    /// <returns>The signature, 0x-prefixed hex.</returns>
    /// <exception cref="ArgumentException">The key is invalid.</exception>
    public static string Sign(ISecp256k1 secp256k1, string message, ReadOnlySpan<byte> privateKey)
    {
        ArgumentNullException.ThrowIfNull(secp256k1);
        var hash = PersonalMessage.Hash(message);
        Span<byte> signature = stackalloc byte[65];
        if (!secp256k1.TrySign(hash.Bytes, privateKey, signature[..64], out var recoveryId))
        {
            throw new ArgumentException("Not a valid secp256k1 key.", nameof(privateKey));
        }

        signature[64] = (byte)(27 + recoveryId);
        return Hex.ToHexString(signature);
    }
}
