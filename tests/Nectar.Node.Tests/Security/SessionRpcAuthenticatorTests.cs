using System.Collections.Concurrent;
using Nectar.Core.Primitives;
using Nectar.Crypto.Secp256k1;
using Nectar.JsonRpc.Authentication;
using Nectar.Node.Security;
using Nectar.Node.Tests.Support;
using Nectar.Privacy.Access;
using Nectar.Privacy.Sessions;

namespace Nectar.Node.Tests.Security;

public sealed class SessionRpcAuthenticatorTests : IDisposable
{
    private static readonly Address Alice = Address.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

    private readonly LibSecp256k1 _secp256k1 = new();
    private readonly Registry _registry = new();
    private readonly SteppedClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SessionService _sessions;
    private readonly SessionRpcAuthenticator _authenticator;
    private readonly List<RpcSessionEndedEventArgs> _ended = [];

    public SessionRpcAuthenticatorTests()
    {
        var options = new SessionOptions { Domain = "localhost", ChainId = 1337, SweepInterval = TimeSpan.Zero };
        _sessions = new SessionService(options, _secp256k1, _registry, timeProvider: _clock);
        _authenticator = new SessionRpcAuthenticator(_sessions);
        _authenticator.SessionEnded += (_, e) => _ended.Add(e);
        _registry.Set(Alice, AccountAdmission.Admitted(RoleNames.User));
    }

    public void Dispose()
    {
        _authenticator.Dispose();
        _sessions.Dispose();
        _secp256k1.Dispose();
    }

    [Fact]
    public async Task A_live_token_gives_the_account_session_and_roles()
    {
        var grant = _sessions.IssueFor(Alice);

        var result = await _authenticator.AuthenticateAsync(grant.Token.Reveal(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(Alice, result.Principal!.Account);
        Assert.Equal(grant.Session.Id.Value, result.Principal.SessionId);
        Assert.Equal([RoleNames.User], result.Principal.Roles);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(15), result.Principal.ExpiresAt);
    }

    [Fact]
    public async Task An_unknown_token_is_invalid()
    {
        var result = await _authenticator.AuthenticateAsync("nectar_" + new string('A', 43), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(RpcAuthFailure.InvalidToken, result.Failure);
    }

    [Fact]
    public async Task Roles_come_from_the_registry_on_every_request()
    {
        var token = _sessions.IssueFor(Alice).Token.Reveal();
        _registry.Set(Alice, AccountAdmission.Admitted(RoleNames.User, RoleNames.Auditor));

        var result = await _authenticator.AuthenticateAsync(token, CancellationToken.None);

        Assert.Equal([RoleNames.User, RoleNames.Auditor], result.Principal!.Roles);
    }

    [Fact]
    public async Task Withdrawn_admission_refuses_the_next_request_and_ends_the_session()
    {
        var grant = _sessions.IssueFor(Alice);
        _registry.Set(Alice, AccountAdmission.NotAdmitted);

        var result = await _authenticator.AuthenticateAsync(grant.Token.Reveal(), CancellationToken.None);

        Assert.Equal(RpcAuthFailure.RevokedSession, result.Failure);
        var ended = Assert.Single(_ended);
        Assert.Equal(grant.Session.Id.Value, ended.SessionId);
        Assert.Equal(RpcSessionEndReason.Revoked, ended.Reason);
    }

    [Fact]
    public async Task A_registry_that_cannot_answer_denies_without_ending_the_session()
    {
        var token = _sessions.IssueFor(Alice).Token.Reveal();
        _registry.Failing = true;

        var denied = await _authenticator.AuthenticateAsync(token, CancellationToken.None);
        _registry.Failing = false;
        var allowed = await _authenticator.AuthenticateAsync(token, CancellationToken.None);

        Assert.Equal(RpcAuthFailure.InvalidToken, denied.Failure);
        Assert.True(allowed.Succeeded);
        Assert.Empty(_ended);
    }

    [Fact]
    public async Task An_idle_session_expires_and_its_end_is_forwarded_as_expired()
    {
        var grant = _sessions.IssueFor(Alice);
        _clock.Advance(TimeSpan.FromMinutes(15));

        var result = await _authenticator.AuthenticateAsync(grant.Token.Reveal(), CancellationToken.None);

        Assert.Equal(RpcAuthFailure.ExpiredToken, result.Failure);
        Assert.Equal(RpcSessionEndReason.Expired, Assert.Single(_ended).Reason);
    }

    [Fact]
    public async Task A_session_used_within_the_idle_timeout_stays_alive()
    {
        var token = _sessions.IssueFor(Alice).Token.Reveal();
        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.True((await _authenticator.AuthenticateAsync(token, CancellationToken.None)).Succeeded);
        _clock.Advance(TimeSpan.FromMinutes(14));

        Assert.True((await _authenticator.AuthenticateAsync(token, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Logout_is_forwarded_and_the_token_then_reads_as_revoked()
    {
        var grant = _sessions.IssueFor(Alice);

        _sessions.Revoke(grant.Token.Reveal());
        var result = await _authenticator.AuthenticateAsync(grant.Token.Reveal(), CancellationToken.None);

        Assert.Equal(RpcSessionEndReason.Revoked, Assert.Single(_ended).Reason);
        Assert.Equal(RpcAuthFailure.RevokedSession, result.Failure);
    }

    [Fact]
    public void Disposing_stops_forwarding()
    {
        var grant = _sessions.IssueFor(Alice);
        _authenticator.Dispose();

        _sessions.Revoke(grant.Token.Reveal());

        Assert.Empty(_ended);
    }

    private sealed class Registry : IAccountAdmission
    {
        private readonly ConcurrentDictionary<Address, AccountAdmission> _accounts = new();

        public bool Failing { get; set; }

        public void Set(Address account, AccountAdmission admission) => _accounts[account] = admission;

        public AccountAdmission GetAdmission(Address account) =>
            Failing ? throw new InvalidOperationException("registry unavailable")
            : _accounts.TryGetValue(account, out var admission) ? admission : AccountAdmission.NotAdmitted;
    }
}
