using Nectar.Privacy.Sessions;
using Nectar.Privacy.Tests.Sessions.Support;

namespace Nectar.Privacy.Tests.Sessions;

public sealed class SessionLifecycleTests : IDisposable
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(15);
    private readonly SessionHarness _node = new();

    public void Dispose() => _node.Dispose();

    [Fact]
    public void Idle_session_ends_exactly_at_the_idle_deadline()
    {
        var grant = _node.SignedIn(TestAccount.Alice);
        var token = grant.Token.Reveal();

        _node.Clock.Advance(Idle - TimeSpan.FromTicks(1));
        Assert.Empty(_node.Ended);
        Assert.Equal(0, _node.Service.ExpireSessions());

        _node.Clock.Advance(TimeSpan.FromTicks(1));
        var result = _node.Service.Authenticate(token);

        Assert.Equal(AuthenticationFailure.Expired, result.Failure);
        var ended = Assert.Single(_node.Ended);
        Assert.Equal(SessionEndReason.IdleTimeout, ended.Reason);
        Assert.Equal(grant.Session.Id, ended.SessionId);
        Assert.Equal(SessionHarness.Start + Idle, ended.EndedAt);
    }

    [Fact]
    public void Use_moves_the_idle_deadline_forward()
    {
        var token = _node.SignedIn(TestAccount.Alice).Token.Reveal();

        _node.Clock.Advance(Idle - TimeSpan.FromSeconds(1));
        var touched = _node.Service.Authenticate(token);
        var touchedAt = _node.Clock.GetUtcNow();
        _node.Clock.Advance(Idle - TimeSpan.FromSeconds(1));
        var stillLive = _node.Service.Authenticate(token);

        Assert.True(touched.Succeeded);
        Assert.Equal(touchedAt, touched.Session.LastUsedAt);
        Assert.Equal(touchedAt + Idle, touched.Session.IdleExpiresAt);
        Assert.True(stillLive.Succeeded);
        Assert.Equal(_node.Clock.GetUtcNow() + Idle, stillLive.Session.IdleExpiresAt);
        Assert.Equal(stillLive.Session.IdleExpiresAt, stillLive.Session.ExpiresAt);
    }

    [Fact]
    public void Active_session_still_ends_at_the_absolute_deadline()
    {
        var grant = _node.SignedIn(TestAccount.Alice);
        var token = grant.Token.Reveal();

        // Used every ten minutes for eight hours: never idle, yet it must end.
        var uses = 0;
        while (_node.Clock.GetUtcNow() + TimeSpan.FromMinutes(10) < grant.Session.AbsoluteExpiresAt)
        {
            _node.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.True(_node.Service.Authenticate(token).Succeeded);
            uses++;
        }

        _node.Clock.SetUtcNow(grant.Session.AbsoluteExpiresAt - TimeSpan.FromTicks(1));
        Assert.True(_node.Service.Authenticate(token).Succeeded);
        _node.Clock.SetUtcNow(grant.Session.AbsoluteExpiresAt);

        Assert.Equal(AuthenticationFailure.Expired, _node.Service.Authenticate(token).Failure);
        Assert.Equal(47, uses);
        Assert.Equal(SessionEndReason.AbsoluteTimeout, Assert.Single(_node.Ended).Reason);
    }

    [Fact]
    public void Sweep_timer_ends_expired_sessions_without_any_request()
    {
        using var node = new SessionHarness(o => o.SweepInterval = TimeSpan.FromSeconds(15));
        var grant = node.SignedIn(TestAccount.Alice);

        node.Clock.Advance(Idle + TimeSpan.FromSeconds(15));

        var ended = Assert.Single(node.Ended);
        Assert.Equal(grant.Session.Id, ended.SessionId);
        Assert.Equal(SessionEndReason.IdleTimeout, ended.Reason);
        Assert.Equal(0, node.Service.SessionCount);
    }

    [Fact]
    public void Disposing_the_service_stops_its_sweep_timer()
    {
        var node = new SessionHarness(o => o.SweepInterval = TimeSpan.FromSeconds(15));
        Assert.Equal(1, node.Clock.ActiveTimers);

        node.Dispose();

        Assert.Equal(0, node.Clock.ActiveTimers);
    }

    [Fact]
    public void Revoking_a_token_ends_only_its_session()
    {
        var first = _node.SignedIn(TestAccount.Alice);
        var second = _node.SignedIn(TestAccount.Alice);

        Assert.True(_node.Service.Revoke(first.Token.Reveal()));

        Assert.Equal(AuthenticationFailure.Revoked, _node.Service.Authenticate(first.Token.Reveal()).Failure);
        Assert.True(_node.Service.Authenticate(second.Token.Reveal()).Succeeded);
        var ended = Assert.Single(_node.Ended);
        Assert.Equal((first.Session.Id, SessionEndReason.Revoked), (ended.SessionId, ended.Reason));
        Assert.False(_node.Service.Revoke(first.Token.Reveal()));
    }

    [Fact]
    public void Revoking_by_session_id_ends_that_session()
    {
        var grant = _node.SignedIn(TestAccount.Bob);

        Assert.True(_node.Service.Revoke(SessionId.FromString(grant.Session.Id.Value)));

        Assert.Equal(AuthenticationFailure.Revoked, _node.Service.Authenticate(grant.Token.Reveal()).Failure);
        Assert.False(_node.Service.Revoke(grant.Session.Id));
        Assert.False(_node.Service.Revoke(SessionId.FromString("sid_unknown")));
    }

    [Fact]
    public void Revoking_an_account_ends_all_its_sessions_and_no_others()
    {
        var alice1 = _node.SignedIn(TestAccount.Alice);
        var alice2 = _node.SignedIn(TestAccount.Alice);
        var bob = _node.SignedIn(TestAccount.Bob);

        Assert.Equal(2, _node.Service.RevokeAccount(TestAccount.Alice.Address));

        Assert.Equal(AuthenticationFailure.Revoked, _node.Service.Authenticate(alice1.Token.Reveal()).Failure);
        Assert.Equal(AuthenticationFailure.Revoked, _node.Service.Authenticate(alice2.Token.Reveal()).Failure);
        Assert.True(_node.Service.Authenticate(bob.Token.Reveal()).Succeeded);
        Assert.Empty(_node.Service.ListSessions(TestAccount.Alice.Address));
        Assert.Equal(2, _node.Ended.Count);
        Assert.Contains(_node.Ended, e => e.SessionId == alice1.Session.Id);
        Assert.Contains(_node.Ended, e => e.SessionId == alice2.Session.Id);
        Assert.All(_node.Ended, e => Assert.Equal(SessionEndReason.AccountRevoked, e.Reason));
        Assert.Equal(0, _node.Service.RevokeAccount(TestAccount.Alice.Address));
    }

    [Fact]
    public void Withdrawn_admission_ends_sessions_at_their_next_use()
    {
        var grant = _node.SignedIn(TestAccount.Alice);
        _node.Admission.Withdraw(TestAccount.Alice.Address);

        var result = _node.Service.Authenticate(grant.Token.Reveal());

        Assert.Equal(AuthenticationFailure.Revoked, result.Failure);
        Assert.Equal(SessionEndReason.AccountRevoked, Assert.Single(_node.Ended).Reason);
    }

    [Fact]
    public void Without_recheck_withdrawn_admission_waits_for_an_explicit_revocation()
    {
        using var node = new SessionHarness(o => o.RecheckAdmissionOnUse = false);
        var grant = node.SignedIn(TestAccount.Alice);
        node.Admission.Withdraw(TestAccount.Alice.Address);
        var callsBefore = node.Admission.Calls;

        Assert.True(node.Service.Authenticate(grant.Token.Reveal()).Succeeded);
        Assert.Equal(callsBefore, node.Admission.Calls);
        node.Service.RevokeAccount(TestAccount.Alice.Address);
        Assert.Equal(AuthenticationFailure.Revoked, node.Service.Authenticate(grant.Token.Reveal()).Failure);
    }

    [Fact]
    public void Unknown_admission_denies_the_request_but_keeps_the_session()
    {
        var grant = _node.SignedIn(TestAccount.Alice);
        _node.Admission.Unavailable = true;
        _node.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(AuthenticationFailure.AdmissionUnavailable, _node.Service.Authenticate(grant.Token.Reveal()).Failure);
        Assert.Equal(SessionHarness.Start, Assert.Single(_node.Service.ListSessions(TestAccount.Alice.Address)).LastUsedAt);

        _node.Admission.Unavailable = false;
        Assert.True(_node.Service.Authenticate(grant.Token.Reveal()).Succeeded);
        Assert.Empty(_node.Ended);
    }

    [Fact]
    public void Authentication_refreshes_roles_from_the_registry()
    {
        var grant = _node.SignedIn(TestAccount.Alice);
        _node.Admission.Admit(TestAccount.Alice.Address, "clinician", "auditor");

        Assert.Equal(["clinician", "auditor"], _node.Service.Authenticate(grant.Token.Reveal()).Session!.Roles);
    }

    [Fact]
    public void Notifications_fire_once_per_ended_session_whatever_ends_it()
    {
        using var node = new SessionHarness(o => o.SweepInterval = TimeSpan.FromSeconds(30));
        var idle = node.SignedIn(TestAccount.Alice);
        var revoked = node.SignedIn(TestAccount.Alice);
        var account = node.SignedIn(TestAccount.Bob);

        node.Service.Revoke(revoked.Token.Reveal());
        node.Service.Revoke(revoked.Token.Reveal());
        node.Service.Revoke(revoked.Session.Id);
        node.Service.RevokeAccount(TestAccount.Bob.Address);
        node.Service.RevokeAccount(TestAccount.Bob.Address);
        node.Clock.Advance(TimeSpan.FromHours(9));
        node.Service.Authenticate(idle.Token.Reveal());
        node.Service.ListSessions(TestAccount.Alice.Address);
        node.Service.ExpireSessions();

        Assert.Equal(
            [(revoked.Session.Id, SessionEndReason.Revoked), (account.Session.Id, SessionEndReason.AccountRevoked), (idle.Session.Id, SessionEndReason.IdleTimeout)],
            node.Ended.Select(e => (e.SessionId, e.Reason)));
        Assert.Equal(3, node.Audit.OfKind(SessionAuditKind.SessionEnded).Count);
    }

    [Fact]
    public void Concurrent_enders_announce_each_session_exactly_once()
    {
        using var node2 = new SessionHarness(o => o.MaxSessionsPerAccount = 1000);
        var grants = Enumerable.Range(0, 200).Select(i => node2.Service.IssueFor(i % 2 == 0 ? TestAccount.Alice.Address : TestAccount.Bob.Address)).ToList();
        var ended = new System.Collections.Concurrent.ConcurrentBag<SessionId>();
        node2.Service.SessionEnded += (_, e) => ended.Add(e.SessionId);
        node2.Clock.Advance(Idle);

        Parallel.Invoke(
            () => Parallel.ForEach(grants, g => node2.Service.Revoke(g.Token.Reveal())),
            () => Parallel.ForEach(grants, g => node2.Service.Authenticate(g.Token.Reveal())),
            () => node2.Service.RevokeAccount(TestAccount.Alice.Address),
            () => node2.Service.ExpireSessions());

        Assert.Equal(200, ended.Count);
        Assert.Equal(200, ended.Distinct().Count());
        Assert.Equal(0, node2.Service.SessionCount);
    }

    [Fact]
    public void A_failing_subscriber_does_not_stop_the_others_or_the_ending()
    {
        var grant = _node.SignedIn(TestAccount.Alice);
        var seen = 0;
        _node.Service.SessionEnded += (_, _) => throw new InvalidOperationException("subscriber bug");
        _node.Service.SessionEnded += (_, _) => seen++;

        Assert.True(_node.Service.Revoke(grant.Token.Reveal()));

        Assert.Equal(1, seen);
        Assert.Single(_node.Ended);
        Assert.Contains(_node.Logger.Lines, l => l.Contains("subscriber", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_account_beyond_its_session_limit_loses_its_oldest_session()
    {
        using var node = new SessionHarness(o => o.MaxSessionsPerAccount = 2);
        var oldest = node.SignedIn(TestAccount.Alice);
        var middle = node.SignedIn(TestAccount.Alice);
        var bob = node.SignedIn(TestAccount.Bob);

        var newest = node.SignedIn(TestAccount.Alice);

        var ended = Assert.Single(node.Ended);
        Assert.Equal((oldest.Session.Id, SessionEndReason.EvictedAccountLimit), (ended.SessionId, ended.Reason));
        Assert.Equal(AuthenticationFailure.Revoked, node.Service.Authenticate(oldest.Token.Reveal()).Failure);
        Assert.Equal([middle.Session.Id, newest.Session.Id], node.Service.ListSessions(TestAccount.Alice.Address).Select(s => s.Id));
        Assert.True(node.Service.Authenticate(bob.Token.Reveal()).Succeeded);
    }

    [Fact]
    public void A_full_node_first_drops_expired_sessions_then_the_oldest_of_all()
    {
        using var node = new SessionHarness(o => (o.MaxSessions, o.MaxSessionsPerAccount) = (3, 3));
        var expiring = node.SignedIn(TestAccount.Alice);
        node.Clock.Advance(TimeSpan.FromMinutes(10));
        var older = node.SignedIn(TestAccount.Bob);
        var old = node.SignedIn(TestAccount.Alice);
        node.Service.Authenticate(old.Token.Reveal());
        node.Clock.Advance(TimeSpan.FromMinutes(6));

        node.SignedIn(TestAccount.Bob);
        node.SignedIn(TestAccount.Alice);

        Assert.Equal(
            [(expiring.Session.Id, SessionEndReason.IdleTimeout), (older.Session.Id, SessionEndReason.EvictedCapacity)],
            node.Ended.Select(e => (e.SessionId, e.Reason)));
        Assert.Equal(3, node.Service.SessionCount);
    }

    [Fact]
    public void Listing_shows_metadata_of_live_sessions_only()
    {
        var first = _node.SignedIn(TestAccount.Alice);
        _node.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = _node.SignedIn(TestAccount.Alice);
        _node.Clock.Advance(TimeSpan.FromMinutes(6));

        var listed = _node.Service.ListSessions(TestAccount.Alice.Address);

        var only = Assert.Single(listed);
        Assert.Equal(second.Session.Id, only.Id);
        Assert.Equal(first.Session.Id, Assert.Single(_node.Ended).SessionId);
        Assert.Empty(_node.Service.ListSessions(TestAccount.Carol.Address));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nectar_")]
    [InlineData("Bearer nectar_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("nectar_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("nectar_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("other_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Unknown_or_malformed_tokens_are_invalid(string token)
    {
        _node.SignedIn(TestAccount.Alice);

        var result = _node.Service.Authenticate(token);

        Assert.False(result.Succeeded);
        Assert.Null(result.Session);
        Assert.Equal(AuthenticationFailure.InvalidToken, result.Failure);
        Assert.False(_node.Service.Revoke(token));
    }

    [Fact]
    public void A_token_is_forgotten_once_its_session_would_have_ended_anyway()
    {
        var grant = _node.SignedIn(TestAccount.Alice);
        _node.Service.Revoke(grant.Token.Reveal());

        _node.Clock.Advance(TimeSpan.FromHours(8));
        _node.Service.ExpireSessions();

        Assert.Equal(AuthenticationFailure.InvalidToken, _node.Service.Authenticate(grant.Token.Reveal()).Failure);
    }
}
