using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Nectar.Benchmarks.VsAnvil.Anvil;

/// <summary>
/// A minimal synchronous JSON-RPC 2.0 client over HTTP/1.1 with one kept-alive connection: single calls, batches,
/// and prepared requests whose body is serialised once, so a timed call measures the node and the transport rather
/// than this client's serialisation.
/// </summary>
internal sealed class JsonRpcClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private long _nextId;

    /// <summary>Creates a client.</summary>
    /// <param name="endpoint">The node's HTTP endpoint.</param>
    /// <param name="timeout">How long one request may take (mining a large block, a large batch).</param>
    public JsonRpcClient(Uri endpoint, TimeSpan timeout)
    {
        _endpoint = endpoint;
        // No proxy: the node is on the loopback interface, and an environment proxy would distort every timing.
        var handler = new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 1, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) };
        _http = new HttpClient(handler) { Timeout = timeout, DefaultRequestVersion = HttpVersion.Version11 };
    }

    /// <summary>Calls a method and returns its result.</summary>
    /// <param name="method">The method name.</param>
    /// <param name="writeParams">Writes the parameters, each as one JSON value; null for none.</param>
    /// <returns>The result, detached from the response.</returns>
    /// <exception cref="JsonRpcException">The node answered with an error.</exception>
    public JsonElement Call(string method, Action<Utf8JsonWriter>? writeParams = null) => Send(Prepare(method, writeParams));

    /// <summary>Serialises a request once, for <see cref="Send"/> to post any number of times.</summary>
    /// <param name="method">The method name.</param>
    /// <param name="writeParams">Writes the parameters; null for none.</param>
    /// <returns>The request body.</returns>
    public PreparedRequest Prepare(string method, Action<Utf8JsonWriter>? writeParams = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteRequest(json, method, Interlocked.Increment(ref _nextId), writeParams);
        }

        return new PreparedRequest(method, buffer.ToArray());
    }

    /// <summary>Posts a prepared request and returns its result.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The result, detached from the response.</returns>
    /// <exception cref="JsonRpcException">The node answered with an error.</exception>
    public JsonElement Send(PreparedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var document = Post(request.Body);
        return ResultOf(request.Method, document.RootElement);
    }

    /// <summary>Calls one method <paramref name="count"/> times in one batch request and returns the results in order.</summary>
    /// <param name="method">The method name.</param>
    /// <param name="count">How many calls.</param>
    /// <param name="writeParams">Writes the parameters of call i.</param>
    /// <returns>The results, in call order.</returns>
    /// <exception cref="JsonRpcException">A call failed; the message names the first.</exception>
    public JsonElement[] Batch(string method, int count, Action<Utf8JsonWriter, int> writeParams)
    {
        using var buffer = new MemoryStream();
        var firstId = _nextId + 1;
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var i = 0; i < count; i++)
            {
                var index = i;
                WriteRequest(json, method, Interlocked.Increment(ref _nextId), w => writeParams(w, index));
            }

            json.WriteEndArray();
        }

        using var document = Post(buffer.ToArray());
        var results = new JsonElement[count];
        var seen = new bool[count];
        foreach (var response in document.RootElement.EnumerateArray())
        {
            var index = checked((int)(response.GetProperty("id").GetInt64() - firstId));
            results[index] = ResultOf(method, response);
            seen[index] = true;
        }

        var missing = Array.IndexOf(seen, false);
        if (missing >= 0)
        {
            throw new JsonRpcException(method, 0, $"The batch response has no answer to call {missing}.");
        }

        return results;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static void WriteRequest(Utf8JsonWriter json, string method, long id, Action<Utf8JsonWriter>? writeParams)
    {
        json.WriteStartObject();
        json.WriteString("jsonrpc", "2.0");
        json.WriteNumber("id", id);
        json.WriteString("method", method);
        json.WriteStartArray("params");
        writeParams?.Invoke(json);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private JsonDocument Post(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = content };
        using var response = _http.Send(request, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        using var stream = response.Content.ReadAsStream();
        return JsonDocument.Parse(stream);
    }

    private static JsonElement ResultOf(string method, JsonElement response)
    {
        if (response.TryGetProperty("error", out var error))
        {
            var code = error.TryGetProperty("code", out var c) ? c.GetInt64() : 0;
            var message = error.TryGetProperty("message", out var m) ? m.GetString() : error.GetRawText();
            throw new JsonRpcException(method, code, message ?? "(no message)");
        }

        return response.GetProperty("result").Clone();
    }
}
