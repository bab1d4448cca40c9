using System.Text;
using System.Text.Json;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Authentication;
using Nectar.JsonRpc.Subscriptions;
using Nectar.JsonRpc.Tests.Support;

namespace Nectar.JsonRpc.Tests.Subscriptions;

public sealed class SubscriptionSpecs : IDisposable
{
    private readonly RpcHarness _rpc;
    private readonly RpcConnectionRegistry _registry;
    private readonly CancellationTokenSource _stop = new();

    public SubscriptionSpecs()
        : this(RpcConnectionOptions.Default)
    {
    }

    private SubscriptionSpecs(RpcConnectionOptions options)
    {
        _rpc = new RpcHarness(connectionOptions: options);
        _registry = new RpcConnectionRegistry(_rpc.Dispatcher, _rpc.Authenticator);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _registry.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task Sends_the_subscription_id_before_results_published_during_subscribe_in_order()
    {
        var (connection, transport) = await OpenAuthenticatedAsync();

        await SendAsync(connection, """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["testTicks",{"burst":50}]}""");
        await Eventually.True(() => transport.Sent.Count == 51, "51 messages");

        var messages = transport.Sent.ToArray();
        var id = Parse(messages[0]).GetProperty("result").GetString()!;
        Assert.Matches("^0x[0-9a-f]{32}$", id);
        for (var i = 0; i < 50; i++)
        {
            var notification = Parse(messages[i + 1]);
            Assert.Equal("eth_subscription", notification.GetProperty("method").GetString());
            Assert.Equal(id, notification.GetProperty("params").GetProperty("subscription").GetString());
            Assert.Equal("0x" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture), notification.GetProperty("params").GetProperty("result").GetString());
        }
    }

    [Fact]
    public async Task Delivers_published_results_until_unsubscribed()
    {
        var (connection, transport) = await OpenAuthenticatedAsync();
        await SendAsync(connection, """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["testTicks"]}""");
        await Eventually.True(() => transport.Sent.Count == 1, "the subscribe response");
        var id = Parse(transport.Sent.Single()).GetProperty("result").GetString();

        Assert.Equal(1, _rpc.Ticks.Publish(7));
        await SendAsync(connection, $$"""{"jsonrpc":"2.0","id":2,"method":"eth_unsubscribe","params":["{{id}}"]}""");
        await Eventually.True(() => transport.Sent.Count == 3, "the notification and the unsubscribe response");

        Assert.Equal(0, _rpc.Ticks.Publish(8));
        Assert.Equal(0, _rpc.Ticks.SubscriberCount);
        var sent = transport.Sent.ToArray();
        Assert.Equal("0x7", Parse(sent[1]).GetProperty("params").GetProperty("result").GetString());
        Assert.True(Parse(sent[2]).GetProperty("result").GetBoolean());
        Assert.Equal(0, connection.SubscriptionCount);
    }

    [Fact]
    public async Task Answers_false_when_unsubscribing_an_unknown_or_foreign_id()
    {
        var (first, firstTransport) = await OpenAuthenticatedAsync();
        var (second, secondTransport) = await OpenAuthenticatedAsync();
        await SendAsync(first, """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["testTicks"]}""");
        await Eventually.True(() => firstTransport.Sent.Count == 1, "the subscribe response");
        var id = Parse(firstTransport.Sent.Single()).GetProperty("result").GetString();

        await SendAsync(second, $$"""{"jsonrpc":"2.0","id":2,"method":"eth_unsubscribe","params":["{{id}}"]}""");
        await Eventually.True(() => secondTransport.Sent.Count == 1, "the unsubscribe response");

        Assert.False(Parse(secondTransport.Sent.Single()).GetProperty("result").GetBoolean());
        Assert.Equal(1, first.SubscriptionCount);
    }

    [Fact]
    public async Task Refuses_subscriptions_without_a_connection()
    {
        var (code, message) = RpcHarness.ErrorOf(await _rpc.CallAsync("eth_subscribe", "[\"testTicks\"]"));

        Assert.Equal(-32601, code);
        Assert.Contains("notifications not supported", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_unknown_subscription_kinds_and_invalid_options()
    {
        var (connection, transport) = await OpenAuthenticatedAsync();

        await SendAsync(connection, """[{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["nope"]},{"jsonrpc":"2.0","id":2,"method":"eth_subscribe","params":["testTicks",{"burst":"x"}]}]""");
        await Eventually.True(() => transport.Sent.Count == 1, "the batch response");

        var answers = Parse(transport.Sent.Single()).EnumerateArray().ToArray();
        Assert.All(answers, a => Assert.Equal(-32602, RpcHarness.ErrorOf(a).Code));
        Assert.Equal(0, connection.SubscriptionCount);
        Assert.Equal(0, _rpc.Ticks.SubscriberCount);
    }

    [Fact]
    public async Task Refuses_subscriptions_beyond_the_per_connection_limit()
    {
        using var limited = new SubscriptionSpecs(new RpcConnectionOptions { MaxSubscriptions = 2 });
        var (connection, transport) = await limited.OpenAuthenticatedAsync();
        var subscribe = """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["testTicks"]}""";

        await SendAsync(connection, "[" + string.Join(',', Enumerable.Repeat(subscribe, 3)) + "]");
        await Eventually.True(() => transport.Sent.Count == 1, "the batch response");

        var answers = Parse(transport.Sent.Single()).EnumerateArray().ToArray();
        Assert.Equal(-32094, RpcHarness.ErrorOf(answers[2]).Code);
        Assert.Equal(2, connection.SubscriptionCount);
    }

    [Fact]
    public async Task Drops_a_connection_whose_client_stops_reading_instead_of_buffering()
    {
        using var limited = new SubscriptionSpecs(new RpcConnectionOptions { MaxQueuedMessages = 16 });
        var transport = new RecordingTransport(stalled: true);
        var connection = limited._registry.Open(transport);
        await connection.AuthenticateAsync(limited._rpc.Token, CancellationToken.None);
        _ = connection.RunSendLoopAsync(limited._stop.Token);
        await connection.ProcessMessageAsync(Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["testTicks"]}"""), CancellationToken.None);

        for (var i = 0UL; i < 1_000 && !connection.IsClosed; i++)
        {
            limited._rpc.Ticks.Publish(i);
        }

        Assert.True(connection.IsClosed);
        Assert.Equal(RpcCloseReason.SlowConsumer, transport.ClosedWith);
        Assert.Equal(0, limited._rpc.Ticks.SubscriberCount);
        Assert.Equal(0, limited._registry.Count);
    }

    [Fact]
    public async Task Closes_the_connection_when_the_authenticator_reports_the_session_ended()
    {
        var (connection, transport) = await OpenAuthenticatedAsync();
        await SendAsync(connection, """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["testTicks"]}""");

        _rpc.Authenticator.End(_rpc.SessionId, RpcSessionEndReason.Revoked);

        Assert.True(connection.IsClosed);
        Assert.Equal(RpcCloseReason.SessionRevoked, transport.ClosedWith);
        Assert.Equal(0, _rpc.Ticks.SubscriberCount);
    }

    [Fact]
    public async Task Keeps_connections_of_other_sessions_open_when_one_session_ends()
    {
        var (connection, transport) = await OpenAuthenticatedAsync();
        var (_, otherSession) = _rpc.Authenticator.Issue(RpcHarness.Alice, TimeSpan.FromHours(1));

        _rpc.Authenticator.End(otherSession);

        Assert.False(connection.IsClosed);
        Assert.Null(transport.ClosedWith);
    }

    [Fact]
    public async Task Closes_the_connection_when_its_token_expires()
    {
        var transport = new RecordingTransport();
        var connection = _registry.Open(transport);
        var (token, _) = _rpc.Authenticator.Issue(RpcHarness.Alice, TimeSpan.FromMilliseconds(300));

        Assert.Equal(RpcAuthFailure.None, await connection.AuthenticateAsync(token, CancellationToken.None));
        await Eventually.True(() => connection.IsClosed, "the expiry");

        Assert.Equal(RpcCloseReason.SessionExpired, transport.ClosedWith);
    }

    [Fact]
    public async Task Authenticates_in_band_for_clients_that_cannot_send_headers()
    {
        var transport = new RecordingTransport();
        var connection = _registry.Open(transport);
        _ = connection.RunSendLoopAsync(_stop.Token);

        await SendAsync(connection, """{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["x"]}""");
        await SendAsync(connection, """{"jsonrpc":"2.0","id":2,"method":"nectar_authenticate","params":["wrong"]}""");
        await SendAsync(connection, $$"""{"jsonrpc":"2.0","id":3,"method":"nectar_authenticate","params":["{{_rpc.Token}}"]}""");
        await SendAsync(connection, """{"jsonrpc":"2.0","id":4,"method":"test_echo","params":["x"]}""");
        await Eventually.True(() => transport.Sent.Count == 4, "four answers");

        var sent = transport.Sent.ToArray();
        Assert.Equal(-32090, RpcHarness.ErrorOf(sent[0]).Code);
        Assert.Equal((-32090, "unauthorized: invalid bearer token"), RpcHarness.ErrorOf(sent[1]));
        Assert.True(Parse(sent[2]).GetProperty("result").GetBoolean());
        Assert.Equal("x", Parse(sent[3]).GetProperty("result").GetString());
        Assert.Equal(_rpc.SessionId, connection.Principal!.SessionId);
    }

    [Fact]
    public async Task Keeps_a_connection_bound_to_its_first_account()
    {
        var (connection, transport) = await OpenAuthenticatedAsync();
        var (otherToken, _) = _rpc.Authenticator.Issue(Address.Parse("0x00000000000000000000000000000000000b0b00"), TimeSpan.FromHours(1));

        await SendAsync(connection, $$"""{"jsonrpc":"2.0","id":1,"method":"nectar_authenticate","params":["{{otherToken}}"]}""");
        await Eventually.True(() => transport.Sent.Count == 1, "the answer");

        Assert.Equal(-32092, RpcHarness.ErrorOf(transport.Sent.Single()).Code);
        Assert.Equal(RpcHarness.Alice, connection.Principal!.Account);
    }

    [Fact]
    public async Task Refreshes_the_session_with_a_new_token_for_the_same_account()
    {
        var (connection, _) = await OpenAuthenticatedAsync();
        var (token, session) = _rpc.Authenticator.Issue(RpcHarness.Alice, TimeSpan.FromHours(2));

        Assert.Equal(RpcAuthFailure.None, await connection.AuthenticateAsync(token, CancellationToken.None));

        Assert.Equal(session, connection.Principal!.SessionId);
        _rpc.Authenticator.End(_rpc.SessionId);
        Assert.False(connection.IsClosed);
    }

    [Fact]
    public async Task Refuses_an_expired_token_at_connect()
    {
        var connection = _registry.Open(new RecordingTransport());
        var (token, _) = _rpc.Authenticator.Issue(RpcHarness.Alice, TimeSpan.FromMilliseconds(-1));

        Assert.Equal(RpcAuthFailure.ExpiredToken, await connection.AuthenticateAsync(token, CancellationToken.None));
        Assert.Null(connection.Principal);
        Assert.Equal(RpcAuthFailure.ExpiredToken, connection.AuthFailure);
    }

    [Fact]
    public async Task Cancels_calls_in_flight_when_the_session_ends()
    {
        var (connection, transport) = await OpenAuthenticatedAsync();
        var pending = SendAsync(connection, """{"jsonrpc":"2.0","id":1,"method":"test_delay","params":["0xea60"]}""").AsTask();

        _rpc.Authenticator.End(_rpc.SessionId);

        var completed = await Task.WhenAny(pending, Task.Delay(10_000));
        Assert.Same(pending, completed);
        Assert.Empty(transport.Sent);
    }

    [Fact]
    public async Task Ends_every_subscription_when_the_connection_closes()
    {
        var (connection, _) = await OpenAuthenticatedAsync();
        await SendAsync(connection, """[{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["testTicks"]},{"jsonrpc":"2.0","id":2,"method":"eth_subscribe","params":["testTicks"]}]""");
        Assert.Equal(2, _rpc.Ticks.SubscriberCount);

        connection.Close(RpcCloseReason.Normal);

        Assert.Equal(0, _rpc.Ticks.SubscriberCount);
        Assert.Equal(0, _registry.Count);
        Assert.Equal(0, _rpc.Ticks.Publish(1));
    }

    private static JsonElement Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static ValueTask SendAsync(RpcConnection connection, string message) =>
        connection.ProcessMessageAsync(Encoding.UTF8.GetBytes(message), CancellationToken.None);

    private async Task<(RpcConnection Connection, RecordingTransport Transport)> OpenAuthenticatedAsync()
    {
        var transport = new RecordingTransport();
        var connection = _registry.Open(transport);
        Assert.Equal(RpcAuthFailure.None, await connection.AuthenticateAsync(_rpc.Token, CancellationToken.None));
        _ = connection.RunSendLoopAsync(_stop.Token);
        return (connection, transport);
    }
}
