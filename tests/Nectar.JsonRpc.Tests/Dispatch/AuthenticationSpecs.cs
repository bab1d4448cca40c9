using Nectar.JsonRpc.Authentication;
using Nectar.JsonRpc.Tests.Support;

namespace Nectar.JsonRpc.Tests.Dispatch;

public sealed class AuthenticationSpecs
{
    private readonly RpcHarness _rpc = new();

    [Fact]
    public async Task Answers_a_public_method_without_a_token()
    {
        Assert.Equal("0x539", RpcHarness.ResultOf(await _rpc.CallAsync("test_chainId", "[]", _rpc.Anonymous())).GetString());
    }

    [Fact]
    public async Task Refuses_a_protected_method_without_a_token()
    {
        var (response, result) = await _rpc.SendWithResultAsync("""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["x"]}""", _rpc.Anonymous());

        Assert.Equal("""{"jsonrpc":"2.0","id":1,"error":{"code":-32090,"message":"unauthorized: this method needs an Authorization: Bearer token"}}""", response);
        Assert.True(result.AllUnauthorized);
    }

    [Fact]
    public async Task Answers_a_protected_method_for_an_authenticated_caller()
    {
        Assert.Equal(RpcHarness.Alice.ToString(), RpcHarness.ResultOf(await _rpc.CallAsync("test_whoami", "[]", _rpc.Authenticated())).GetString());
    }

    [Theory]
    [InlineData(RpcAuthFailure.InvalidToken, -32090, "unauthorized: invalid bearer token")]
    [InlineData(RpcAuthFailure.ExpiredToken, -32091, "unauthorized: bearer token expired")]
    [InlineData(RpcAuthFailure.RevokedSession, -32091, "unauthorized: session revoked")]
    public async Task Refuses_a_protected_method_naming_the_token_problem(RpcAuthFailure failure, int code, string message)
    {
        var context = new RpcCallContext(RpcTransportKind.Http, authFailure: failure);

        Assert.Equal((code, message), RpcHarness.ErrorOf(await _rpc.CallAsync("test_echo", "[\"x\"]", context)));
    }

    [Fact]
    public async Task Refuses_a_principal_whose_session_expired_since_it_was_authenticated()
    {
        var expired = new RpcCallContext(RpcTransportKind.WebSocket, new RpcPrincipal(RpcHarness.Alice, "s", DateTimeOffset.UtcNow.AddSeconds(-1)));

        Assert.Equal(-32091, RpcHarness.ErrorOf(await _rpc.CallAsync("test_echo", "[\"x\"]", expired)).Code);
    }

    [Fact]
    public async Task Checks_authentication_before_binding_parameters()
    {
        Assert.Equal(-32090, RpcHarness.ErrorOf(await _rpc.CallAsync("test_add", "[\"bad\"]", _rpc.Anonymous())).Code);
    }

    [Fact]
    public async Task Counts_refused_requests_in_a_batch_separately()
    {
        var (_, result) = await _rpc.SendWithResultAsync(
            """[{"jsonrpc":"2.0","id":1,"method":"test_chainId"},{"jsonrpc":"2.0","id":2,"method":"test_echo","params":["x"]}]""",
            _rpc.Anonymous());

        Assert.Equal(2, result.RequestCount);
        Assert.Equal(1, result.UnauthorizedCount);
        Assert.False(result.AllUnauthorized);
    }

    [Fact]
    public async Task Requires_a_principal_inside_methods_that_read_it()
    {
        var context = new RpcCallContext(RpcTransportKind.InProcess);

        Assert.Throws<RpcException>(context.RequirePrincipal);
        Assert.Equal(RpcAuthFailure.MissingToken, context.AuthFailure);
        Assert.Equal(-32090, RpcHarness.ErrorOf(await _rpc.CallAsync("test_whoami", "[]", context)).Code);
    }
}
