using Nectar.JsonRpc.Authentication;

namespace Nectar.JsonRpc.Tests.Subscriptions;

/// <summary>An authenticator whose tokens are whatever principal the test registered, roles included.</summary>
internal sealed class RoleAuthenticator : IRpcAuthenticator
{
    private readonly Dictionary<string, RpcPrincipal> _tokens = new(StringComparer.Ordinal);

    public event EventHandler<RpcSessionEndedEventArgs>? SessionEnded;

    public string Register(RpcPrincipal principal)
    {
        var token = "token-" + _tokens.Count;
        _tokens[token] = principal;
        return token;
    }

    public void End(string sessionId) => SessionEnded?.Invoke(this, new RpcSessionEndedEventArgs(sessionId, RpcSessionEndReason.Revoked));

    public ValueTask<RpcAuthenticationResult> AuthenticateAsync(string token, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_tokens.TryGetValue(token, out var principal)
            ? RpcAuthenticationResult.Success(principal)
            : RpcAuthenticationResult.Fail(RpcAuthFailure.InvalidToken));
}
