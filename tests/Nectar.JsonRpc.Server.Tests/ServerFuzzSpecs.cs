using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using Nectar.JsonRpc.Server.Tests.Support;

namespace Nectar.JsonRpc.Server.Tests;

public sealed class ServerFuzzSpecs
{
    /// <summary>Replay a failure with this seed; the failing payload is printed in the assertion.</summary>
    private const int Seed = 8_545;

    private static readonly string[] Valid =
    [
        """{"jsonrpc":"2.0","id":1,"method":"test_add","params":["0x1","0xff"]}""",
        """[{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["a"]},{"jsonrpc":"2.0","id":2,"method":"test_whoami"}]""",
        """{"jsonrpc":"2.0","id":"q","method":"test_optional","params":["0x00000000000000000000000000000000000000aa","safe","0x3"]}""",
        """{"jsonrpc":"2.0","id":3,"method":"test_revert","params":["0x08c379a0"]}""",
        """{"jsonrpc":"2.0","id":4,"method":"eth_subscribe","params":["testTicks"]}""",
    ];

    private static readonly string[] Fragments = ["{", "}", "[", "]", ",", ":", "\"", "null", "0x", "\\u0000", "\\ud800", "\\", "9e999", "\"id\"", "\"method\"", "\"params\"", "\u00e9"];

    [Fact]
    public async Task Answers_thousands_of_random_and_mutated_requests_with_well_formed_json_rpc_and_stays_up()
    {
        await using var server = await ServerHarness.StartAsync();
        var random = new Random(Seed);
        for (var i = 0; i < 3_000; i++)
        {
            var payload = Mutate(random, i);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(payload) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            if (i % 2 == 0)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
            }

            var response = await server.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(
                response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized or HttpStatusCode.NoContent,
                $"case {i}: status {response.StatusCode} for {Encoding.UTF8.GetString(payload)}");
            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                try
                {
                    WellFormed.AssertResponse(body);
                }
                catch (Exception e)
                {
                    Assert.Fail($"case {i}: {e.Message}\npayload: {Encoding.UTF8.GetString(payload)}\nresponse: {body}");
                }
            }
        }

        Assert.Equal("0x539", (await server.CallAsync("test_chainId")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Answers_mutated_messages_on_one_websocket_without_dropping_it()
    {
        await using var server = await ServerHarness.StartAsync();
        using var socket = await server.ConnectAsync(server.Token);
        var random = new Random(Seed + 1);
        for (var i = 0; i < 1_000; i++)
        {
            // Text frames must be UTF-8 at the WebSocket layer (a separate spec covers that); the fuzzing targets JSON-RPC.
            var payload = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Mutate(random, i)));
            if (!Encoding.UTF8.GetString(payload).Contains("eth_subscribe", StringComparison.Ordinal))
            {
                await socket.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None);
                await socket.SendTextAsync("""{"jsonrpc":"2.0","id":"fence","method":"test_chainId"}""");
                string? text;
                while ((text = await socket.ReceiveTextAsync()) is not null && !text.Contains("\"fence\"", StringComparison.Ordinal))
                {
                    WellFormed.AssertResponse(text);
                }

                Assert.NotNull(text);
            }
        }

        Assert.Equal(WebSocketState.Open, socket.State);
    }

    private static byte[] Mutate(Random random, int index)
    {
        if (index % 5 == 0)
        {
            var noise = new byte[random.Next(1, 120)];
            random.NextBytes(noise);
            return noise;
        }

        var bytes = Encoding.UTF8.GetBytes(Valid[random.Next(Valid.Length)]).ToList();
        for (var n = random.Next(0, 5); n > 0 && bytes.Count > 1; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = (byte)random.Next(32, 127);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return bytes.Count == 0 ? [(byte)'{'] : [.. bytes];
    }
}
