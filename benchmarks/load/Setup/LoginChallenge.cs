using System.Text.Json;
using Nectar.Benchmarks.Load.Rpc;

namespace Nectar.Benchmarks.Load.Setup;

/// <summary>
/// The answer to <c>nectar_getLoginNonce</c>: the nonce and whatever message parameters the node states (Nectar
/// states the domain, URI, chain id, statement and issue time, and, when asked for an address, the complete message).
/// A plain string is the nonce alone. What the node does not state is derived from its RPC URL, as a wallet would
/// (domain = the URL's authority, URI = its origin).
/// </summary>
/// <param name="Nonce">The nonce to sign.</param>
/// <param name="Domain">The domain the message must name, or null.</param>
/// <param name="Uri">The URI the message must name, or null.</param>
/// <param name="ChainId">The chain id the message must name, or null.</param>
/// <param name="Scheme">The origin scheme, or null (https is then implied by EIP-4361).</param>
/// <param name="Statement">The statement, or null.</param>
/// <param name="IssuedAt">The issue time the node suggests (RFC 3339), or null.</param>
/// <param name="Message">The complete message to sign as is, or null.</param>
internal sealed record LoginChallenge(string Nonce, string? Domain, string? Uri, ulong? ChainId, string? Scheme, string? Statement, string? IssuedAt, string? Message)
{
    /// <summary>Reads the answer.</summary>
    /// <param name="result">The method's result.</param>
    /// <returns>The challenge.</returns>
    /// <exception cref="InvalidOperationException">The answer holds no nonce.</exception>
    public static LoginChallenge Parse(JsonElement result)
    {
        if (result.ValueKind == JsonValueKind.String)
        {
            return new LoginChallenge(result.GetString()!, null, null, null, null, null, null, null);
        }

        if (result.ValueKind != JsonValueKind.Object || Text(result, "nonce") is not { } nonce)
        {
            throw new InvalidOperationException($"nectar_getLoginNonce answered without a nonce: {result.GetRawText()}");
        }

        ulong? chainId = null;
        if (result.TryGetProperty("chainId", out var chain))
        {
            chainId = chain.ValueKind == JsonValueKind.Number ? chain.GetUInt64() : Quantity.ToUInt64(chain);
        }

        return new LoginChallenge(
            nonce,
            Text(result, "domain"),
            Text(result, "uri"),
            chainId,
            Text(result, "scheme"),
            Text(result, "statement"),
            Text(result, "issuedAt"),
            Text(result, "message"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
