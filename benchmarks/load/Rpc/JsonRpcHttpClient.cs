using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Nectar.Benchmarks.Load.Rpc;

/// <summary>
/// An asynchronous JSON-RPC 2.0 client over HTTP/1.1 with a bounded pool of kept-alive connections, shared by
/// every sender: single calls and batches for the setup, and posts of request bodies serialised before the
/// measurement, so the timed path costs this client no serialisation. Each request may carry its own bearer token,
/// since on Nectar each sender has its own session.
/// </summary>
internal sealed class JsonRpcHttpClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private long _nextId;

    /// <summary>Creates a client.</summary>
    /// <param name="endpoint">The node's HTTP endpoint (loopback).</param>
    /// <param name="maxConnections">At most this many connections are open at once; further requests wait for one.</param>
    /// <param name="timeout">How long one request may take.</param>
    public JsonRpcHttpClient(Uri endpoint, int maxConnections, TimeSpan timeout)
    {
        _endpoint = endpoint;
        // No proxy: the node is on loopback, and an environment proxy would distort every timing.
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _http = new HttpClient(handler)
        {
            Timeout = timeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>The endpoint.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Calls a method and returns its result.</summary>
    /// <param name="method">The method name.</param>
    /// <param name="token">The bearer token, or null for none.</param>
    /// <param name="writeParams">Writes the parameters, each as one JSON value; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result, detached from the response.</returns>
    /// <exception cref="JsonRpcException">The node answered with an error or refused the request.</exception>
    public async Task<JsonElement> CallAsync(string method, string? token, Action<Utf8JsonWriter>? writeParams = null, CancellationToken cancellationToken = default)
    {
        var body = Serialize(w => WriteRequest(w, method, Interlocked.Increment(ref _nextId), writeParams));
        var (status, response) = await PostAsync(body, token, cancellationToken).ConfigureAwait(false);
        using var document = ParseResponse(method, status, response);
        var outcome = OutcomeOf(document.RootElement);
        return outcome.Succeeded ? outcome.Result : throw new JsonRpcException(method, outcome.ErrorCode!.Value, outcome.ErrorMessage!);
    }

    /// <summary>Calls one method <paramref name="count"/> times in one batch request; each call's outcome in call order.</summary>
    /// <param name="method">The method name.</param>
    /// <param name="token">The bearer token, or null for none.</param>
    /// <param name="count">How many calls.</param>
    /// <param name="writeParams">Writes the parameters of call i.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcomes, in call order.</returns>
    /// <exception cref="JsonRpcException">The request as a whole was refused, or an answer is missing.</exception>
    public async Task<RpcOutcome[]> BatchAsync(string method, string? token, int count, Action<Utf8JsonWriter, int> writeParams, CancellationToken cancellationToken = default)
    {
        var firstId = Interlocked.Add(ref _nextId, count) - count + 1;
        var body = Serialize(w =>
        {
            w.WriteStartArray();
            for (var i = 0; i < count; i++)
            {
                var index = i;
                WriteRequest(w, method, firstId + i, p => writeParams(p, index));
            }

            w.WriteEndArray();
        });
        var (status, response) = await PostAsync(body, token, cancellationToken).ConfigureAwait(false);
        using var document = ParseResponse(method, status, response);
        return MatchBatch(method, document.RootElement, firstId, count);
    }

    /// <summary>Posts a request body as it is and returns the status and the body of the answer.</summary>
    /// <param name="body">A serialised JSON-RPC request or batch.</param>
    /// <param name="token">The bearer token, or null for none.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The HTTP status and the response body.</returns>
    /// <exception cref="HttpRequestException">The connection failed.</exception>
    /// <exception cref="TaskCanceledException">The request timed out or was cancelled.</exception>
    public async Task<(HttpStatusCode Status, byte[] Body)> PostAsync(ReadOnlyMemory<byte> body, string? token, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = JsonContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return (response.StatusCode, bytes);
    }

    /// <summary>Reads one response object: its result, or its error.</summary>
    /// <param name="response">A JSON-RPC response object.</param>
    /// <returns>The outcome; the result is detached from the document.</returns>
    public static RpcOutcome OutcomeOf(JsonElement response)
    {
        if (response.ValueKind == JsonValueKind.Object && response.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            var code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.TryGetInt64(out var n) ? n : 0;
            var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()!
                : error.GetRawText();
            return new RpcOutcome(default, code, message);
        }

        return response.ValueKind == JsonValueKind.Object && response.TryGetProperty("result", out var result)
            ? new RpcOutcome(result.Clone(), null, null)
            : new RpcOutcome(default, 0, "The response has neither a result nor an error.");
    }

    /// <summary>Matches the answers of a batch to its calls by id.</summary>
    /// <param name="method">The method (for messages).</param>
    /// <param name="responses">The response array.</param>
    /// <param name="firstId">The id of call 0; call i has firstId + i.</param>
    /// <param name="count">The number of calls.</param>
    /// <returns>The outcomes in call order.</returns>
    /// <exception cref="JsonRpcException">The answer is not an array, or an answer is missing.</exception>
    public static RpcOutcome[] MatchBatch(string method, JsonElement responses, long firstId, int count)
    {
        if (responses.ValueKind != JsonValueKind.Array)
        {
            // A batch refused as a whole comes back as one error object.
            var whole = OutcomeOf(responses);
            throw new JsonRpcException(method, whole.ErrorCode ?? 0, whole.ErrorMessage ?? "The batch was answered with a single result.");
        }

        var outcomes = new RpcOutcome[count];
        var seen = new bool[count];
        foreach (var response in responses.EnumerateArray())
        {
            if (!response.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var id) || id < firstId || id >= firstId + count)
            {
                continue;
            }

            var index = (int)(id - firstId);
            outcomes[index] = OutcomeOf(response);
            seen[index] = true;
        }

        var missing = Array.IndexOf(seen, false);
        return missing < 0 ? outcomes : throw new JsonRpcException(method, 0, $"The batch response has no answer to call {missing}.");
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

    private static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return buffer.ToArray();
    }

    private static JsonDocument ParseResponse(string method, HttpStatusCode status, byte[] response)
    {
        try
        {
            return JsonDocument.Parse(response);
        }
        catch (JsonException) when (status != HttpStatusCode.OK)
        {
            throw new JsonRpcException(method, (long)status, $"HTTP {(int)status}: {System.Text.Encoding.UTF8.GetString(response.AsSpan(0, Math.Min(response.Length, 200)))}");
        }
    }
}
