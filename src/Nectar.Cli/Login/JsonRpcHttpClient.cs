using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Nectar.Cli.Login;

/// <summary>A minimal JSON-RPC client over HTTP POST for the CLI's own calls (sign-in).</summary>
/// <param name="http">The HTTP client.</param>
/// <param name="rpcUrl">The node's RPC URL.</param>
public sealed class JsonRpcHttpClient(HttpClient http, Uri rpcUrl)
{
    private int _id;

    /// <summary>Calls a method and returns its result.</summary>
    /// <param name="method">The method name.</param>
    /// <param name="parameters">The positional parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result (null for a JSON null).</returns>
    /// <exception cref="JsonRpcCallException">The node answered with an error, a non-JSON body or an HTTP error.</exception>
    public async Task<JsonNode?> CallAsync(string method, JsonArray parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(parameters);
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _id),
            ["method"] = method,
            ["params"] = parameters,
        };
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(rpcUrl, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? answer;
        try
        {
            answer = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new JsonRpcCallException($"{method}: HTTP {(int)response.StatusCode}, not a JSON-RPC answer");
        }

        if (answer?["error"] is JsonObject error)
        {
            var code = error["code"]?.ToJsonString() ?? "?";
            throw new JsonRpcCallException($"{method}: {error["message"]?.GetValue<string>() ?? "error"} (code {code})");
        }

        if (!response.IsSuccessStatusCode || answer is not JsonObject result || !result.ContainsKey("result"))
        {
            throw new JsonRpcCallException($"{method}: HTTP {(int)response.StatusCode}, no result");
        }

        return result["result"];
    }
}
