using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Nectar.Node.Tests.Support;

/// <summary>JSON-RPC over HTTP as a wallet sends it, with an optional bearer token.</summary>
internal sealed class RpcClient(Uri url) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private int _id;

    public async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(string method, JsonArray parameters, string? token = null)
    {
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = Interlocked.Increment(ref _id), ["method"] = method, ["params"] = parameters };
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, (JsonObject)JsonNode.Parse(text)!);
    }

    /// <summary>Calls a method and returns its result; fails the test with the error when there is one.</summary>
    public async Task<JsonNode?> CallAsync(string method, JsonArray parameters, string? token = null)
    {
        var (_, body) = await SendAsync(method, parameters, token);
        Assert.True(body["error"] is null, $"{method} answered {body.ToJsonString()}");
        return body["result"];
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(url, path));

    /// <summary>Polls until <paramref name="read"/> gives a value, at most <paramref name="timeout"/>: never a fixed sleep.</summary>
    public static async Task<T> PollAsync<T>(Func<Task<T?>> read, TimeSpan timeout)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"nothing after {timeout.TotalSeconds} s");
            await Task.Delay(10);
        }
    }

    public void Dispose() => _http.Dispose();
}
