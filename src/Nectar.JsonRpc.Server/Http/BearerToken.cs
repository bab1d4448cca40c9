using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Nectar.JsonRpc.Server.Http;

/// <summary>Reads bearer tokens from where they may be: the Authorization header or a WebSocket subprotocol, never the URL.</summary>
internal static class BearerToken
{
    /// <summary>The subprotocol prefix a browser uses to carry its token: <c>bearer.&lt;token&gt;</c>.</summary>
    public const string ProtocolPrefix = "bearer.";

    /// <summary>The subprotocol the server selects when offered, so browsers accept the handshake.</summary>
    public const string JsonRpcProtocol = "nectar.jsonrpc";

    private static readonly string[] QueryNames = ["access_token", "token", "auth", "authorization", "bearer", "api_key", "apikey"];

    /// <summary>
    /// The token from <c>Authorization: Bearer &lt;token&gt;</c>: null when the header is absent, empty when it is
    /// present but malformed (another scheme, several values, no token).
    /// </summary>
    public static string? FromHeader(StringValues header)
    {
        if (StringValues.IsNullOrEmpty(header))
        {
            return null;
        }

        if (header.Count != 1)
        {
            return string.Empty;
        }

        var value = header[0].AsSpan().Trim();
        if (value.Length <= 7 || !value[..7].Equals("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return string.Empty;
        }

        var token = value[7..].Trim();
        return token.IsEmpty || token.ContainsAny(' ', '\t', ',') ? string.Empty : token.ToString();
    }

    /// <summary>The token from a <c>bearer.&lt;token&gt;</c> subprotocol, and whether the JSON-RPC subprotocol was offered.</summary>
    public static string? FromSubprotocols(IList<string> protocols, out bool offersJsonRpc)
    {
        offersJsonRpc = false;
        string? token = null;
        foreach (var protocol in protocols)
        {
            if (protocol.StartsWith(ProtocolPrefix, StringComparison.OrdinalIgnoreCase))
            {
                token = token is null ? protocol[ProtocolPrefix.Length..] : string.Empty;
            }
            else if (string.Equals(protocol, JsonRpcProtocol, StringComparison.OrdinalIgnoreCase))
            {
                offersJsonRpc = true;
            }
        }

        return token;
    }

    /// <summary>Whether the query string carries something that looks like a credential (refused outright).</summary>
    public static bool InQuery(IQueryCollection query)
    {
        foreach (var name in QueryNames)
        {
            if (query.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }
}
