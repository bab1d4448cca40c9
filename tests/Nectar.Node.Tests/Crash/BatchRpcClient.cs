using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Nectar.Node.Tests.Crash;

/// <summary>
/// JSON-RPC over HTTP with batches (one request carrying many calls), as load generators and indexers send them, with a
/// bearer token. Any error object in an answer fails the call with the whole error, so nothing is silently dropped.
/// </summary>
internal sealed class BatchRpcClient(Uri url, string token) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>One call; returns its result (JSON null for a null result).</summary>
    public async Task<JsonNode?> CallAsync(string method, JsonArray parameters, CancellationToken cancellationToken = default) =>
        (await CallBatchAsync(method, [parameters], cancellationToken))[0];

    /// <summary>The same method with each parameter list, in one batch; the results in the same order.</summary>
    public async Task<JsonNode?[]> CallBatchAsync(string method, IReadOnlyList<JsonArray> parameterLists, CancellationToken cancellationToken = default)
    {
        var batch = new JsonArray();
        for (var i = 0; i < parameterLists.Count; i++)
        {
            batch.Add(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = i, ["method"] = method, ["params"] = parameterLists[i] });
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json") };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(message, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (JsonNode.Parse(text) is not JsonArray answers)
        {
            throw new InvalidOperationException($"{method}: HTTP {(int)response.StatusCode} answered a batch with {text}");
        }

        var results = new JsonNode?[parameterLists.Count];
        var answered = 0;
        foreach (var answer in answers)
        {
            if (answer?["error"] is { } error)
            {
                throw new InvalidOperationException($"{method} answered {error.ToJsonString()}");
            }

            var id = answer!["id"]!.GetValue<int>();
            results[id] = answer["result"]?.DeepClone();
            answered++;
        }

        if (answered != parameterLists.Count)
        {
            throw new InvalidOperationException($"{method}: {answered} answers to a batch of {parameterLists.Count}.");
        }

        return results;
    }

    public void Dispose() => _http.Dispose();
}
