using Nectar.Privacy.Sessions;
using Nectar.Privacy.Tests.Sessions.Support;

namespace Nectar.Privacy.Tests.Sessions;

public sealed class SessionLoginTests : IDisposable
{
    private readonly SessionHarness _node = new();

    public void Dispose() => _node.Dispose();

    [Fact]
    public void Admitted_account_signs_in_and_gets_a_token_bound_to_it()
    {
        var result = _node.SignIn(TestAccount.Alice);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(LoginError.None, result.Error);
        var session = result.Grant.Session;
        Assert.Equal(TestAccount.Alice.Address, session.Account);
        Assert.Equal(["clinician"], session.Roles);
        Assert.Equal(SessionOrigin.SignIn, session.Origin);
        Assert.Equal(SessionHarness.Start, session.CreatedAt);
        Assert.Equal(SessionHarness.Start + TimeSpan.FromMinutes(15), session.ExpiresAt);
        Assert.Equal(SessionHarness.Start + TimeSpan.FromHours(8), session.AbsoluteExpiresAt);

        var token = result.Grant.Token.Reveal();
        Assert.StartsWith("nectar_", token, StringComparison.Ordinal);
        Assert.Equal(SessionToken.Length, token.Length);
        Assert.True(SessionToken.IsWellFormed(token));
        var authenticated = _node.Service.Authenticate(token);
        Assert.True(authenticated.Succeeded);
        Assert.Equal(session.Id, authenticated.Session.Id);

        var audit = Assert.Single(_node.Audit.Events);
        Assert.Equal(SessionAuditKind.LoginSucceeded, audit.Kind);
        Assert.Equal(TestAccount.Alice.Address, audit.Account);
        Assert.Equal(session.Id, audit.SessionId);
    }

    [Fact]
    public void Signs_in_with_a_signature_given_as_bytes_with_v_0_or_1()
    {
        var text = _node.Message(TestAccount.Bob).ToString();
        var signature = TestAccount.Bob.Sign(text);
        signature[64] -= 27;

        var result = _node.Service.Login(text, signature);

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void Every_sign_in_gets_a_distinct_token_and_session()
    {
        var first = _node.SignedIn(TestAccount.Alice);
        var second = _node.SignedIn(TestAccount.Alice);

        Assert.NotEqual(first.Token.Reveal(), second.Token.Reveal());
        Assert.NotEqual(first.Session.Id, second.Session.Id);
        Assert.Equal(2, _node.Service.ListSessions(TestAccount.Alice.Address).Count);
    }

    [Fact]
    public void Refuses_a_message_signed_by_another_account()
    {
        var text = _node.Message(TestAccount.Alice).ToString();

        var result = _node.Service.Login(text, TestAccount.Bob.SignHex(text));

        AssertDenied(result, LoginFailureReason.WrongSigner);
    }

    [Fact]
    public void Refuses_a_message_changed_after_signing()
    {
        var text = _node.Message(TestAccount.Alice).ToString();
        var signature = TestAccount.Alice.SignHex(text);
        var tampered = text.Replace("Sign in to the Nectar node.", "Sign in to the Nectar node!", StringComparison.Ordinal);

        var result = _node.Service.Login(tampered, signature);

        AssertDenied(result, LoginFailureReason.WrongSigner);
    }

    [Fact]
    public void Refuses_the_high_s_twin_of_a_valid_signature()
    {
        var text = _node.Message(TestAccount.Alice).ToString();
        var twin = TestAccount.WithHighS(TestAccount.Alice.Sign(text));

        var result = _node.Service.Login(text, twin);

        AssertDenied(result, LoginFailureReason.HighS);
    }

    [Fact]
    public void Refuses_an_account_that_is_not_admitted()
    {
        var result = _node.SignIn(TestAccount.Carol);

        AssertDenied(result, LoginFailureReason.NotAdmitted);
    }

    [Fact]
    public void Not_admitted_and_bad_signature_get_the_identical_answer()
    {
        var notAdmitted = _node.SignIn(TestAccount.Carol);
        var text = _node.Message(TestAccount.Alice).ToString();
        var badSignature = _node.Service.Login(text, TestAccount.Carol.SignHex(text));
        var other = _node.Message(TestAccount.Alice).ToString();
        var highS = _node.Service.Login(other, TestAccount.WithHighS(TestAccount.Alice.Sign(other)));

        Assert.False(notAdmitted.Succeeded);
        Assert.Equal(badSignature.Error, notAdmitted.Error);
        Assert.Equal(badSignature.Message, notAdmitted.Message);
        Assert.Equal(badSignature.ToString(), notAdmitted.ToString());
        Assert.Equal(highS.ToString(), notAdmitted.ToString());

        // Both paths consult the registry exactly once, so neither is recognisably shorter.
        Assert.Equal(3, _node.Admission.Calls);
    }

    [Fact]
    public void Refuses_while_admission_cannot_be_determined()
    {
        _node.Admission.Unavailable = true;

        var result = _node.SignIn(TestAccount.Alice);

        AssertDenied(result, LoginFailureReason.AdmissionUnavailable);
    }

    [Fact]
    public void Refuses_a_message_for_another_domain()
    {
        var result = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, domain: "phishing.example"));

        AssertRefused(result, LoginError.WrongOrigin, LoginFailureReason.DomainMismatch);
        Assert.Contains(SessionHarness.Domain, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compares_the_domain_without_regard_to_case()
    {
        var result = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, domain: "Node.Nectar.TEST"));

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void Refuses_an_origin_scheme_that_is_not_allowed()
    {
        var result = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, scheme: "http"));

        AssertRefused(result, LoginError.WrongOrigin, LoginFailureReason.SchemeNotAllowed);
    }

    [Theory]
    [InlineData("http://node.nectar.test/rpc")]
    [InlineData("https://other.example/rpc")]
    [InlineData("urn:nectar:node")]
    [InlineData("https://node.nectar.test.evil.example/rpc")]
    public void Refuses_a_uri_that_does_not_name_this_node_with_an_allowed_scheme(string uri)
    {
        var result = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, uri: uri));

        AssertRefused(result, LoginError.WrongOrigin, LoginFailureReason.UriNotAllowed);
    }

    [Fact]
    public void Accepts_http_and_extra_uri_hosts_when_configured()
    {
        using var devnet = new SessionHarness(o =>
        {
            o.Domain = "127.0.0.1:8545";
            o.AllowedSchemes.Add("http");
            o.AdditionalUriHosts.Add("localhost");
        });

        var viaIp = devnet.SignIn(TestAccount.Alice, devnet.Message(TestAccount.Alice, domain: "127.0.0.1:8545", scheme: "http", uri: "http://127.0.0.1:8545/"));
        var viaName = devnet.SignIn(TestAccount.Alice, devnet.Message(TestAccount.Alice, domain: "127.0.0.1:8545", uri: "http://localhost:8545"));

        Assert.True(viaIp.Succeeded, viaIp.ToString());
        Assert.True(viaName.Succeeded, viaName.ToString());
    }

    [Fact]
    public void Refuses_a_message_for_another_chain()
    {
        var result = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, chainId: 1));

        AssertRefused(result, LoginError.WrongChain, LoginFailureReason.ChainIdMismatch);
        Assert.Contains("7357", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_nonce_this_node_never_issued()
    {
        var result = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, nonce: "madeUpNonce1234"));

        AssertRefused(result, LoginError.InvalidNonce, LoginFailureReason.UnknownNonce);
    }

    [Fact]
    public void Refuses_a_replayed_sign_in()
    {
        var text = _node.Message(TestAccount.Alice).ToString();
        var signature = TestAccount.Alice.SignHex(text);

        var first = _node.Service.Login(text, signature);
        var replay = _node.Service.Login(text, signature);

        Assert.True(first.Succeeded);
        AssertRefused(replay, LoginError.InvalidNonce, LoginFailureReason.NonceReplayed);
    }

    [Fact]
    public void A_failed_attempt_uses_up_its_nonce()
    {
        var nonce = _node.Service.IssueNonce().Value;
        var text = _node.Message(TestAccount.Alice, nonce: nonce).ToString();

        var forged = _node.Service.Login(text, TestAccount.Bob.SignHex(text));
        var genuine = _node.Service.Login(text, TestAccount.Alice.SignHex(text));

        Assert.Equal(LoginError.Denied, forged.Error);
        AssertRefused(genuine, LoginError.InvalidNonce, LoginFailureReason.NonceReplayed);
    }

    [Fact]
    public void Refuses_an_expired_nonce_and_accepts_one_just_before_expiry()
    {
        var stale = _node.Service.IssueNonce();
        _node.Clock.Advance(TimeSpan.FromMinutes(5));
        var staleResult = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, nonce: stale.Value));

        Assert.Equal(stale.IssuedAt + TimeSpan.FromMinutes(5), stale.ExpiresAt);
        AssertRefused(staleResult, LoginError.InvalidNonce, LoginFailureReason.NonceExpired);

        var fresh = _node.Service.IssueNonce();
        _node.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        var freshResult = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, nonce: fresh.Value));

        Assert.True(freshResult.Succeeded, freshResult.ToString());
    }

    [Fact]
    public void Refuses_issued_at_in_the_future_beyond_the_clock_skew()
    {
        var now = _node.Clock.GetUtcNow();

        var tooEarly = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, issuedAt: now + TimeSpan.FromMinutes(1) + TimeSpan.FromTicks(1)));
        AssertRefused(tooEarly, LoginError.NotValidNow, LoginFailureReason.IssuedInFuture);

        var withinSkew = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, issuedAt: now + TimeSpan.FromMinutes(1)));
        Assert.True(withinSkew.Succeeded, withinSkew.ToString());
    }

    [Fact]
    public void Refuses_issued_at_older_than_the_allowed_age()
    {
        var now = _node.Clock.GetUtcNow();

        var old = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, issuedAt: now - TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1)));
        AssertRefused(old, LoginError.NotValidNow, LoginFailureReason.IssuedTooLongAgo);

        var oldest = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, issuedAt: now - TimeSpan.FromMinutes(10)));
        Assert.True(oldest.Succeeded, oldest.ToString());
    }

    [Fact]
    public void Refuses_an_expired_message()
    {
        var now = _node.Clock.GetUtcNow();

        var expired = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, expirationTime: now));
        AssertRefused(expired, LoginError.NotValidNow, LoginFailureReason.MessageExpired);

        var live = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, expirationTime: now + TimeSpan.FromTicks(1)));
        Assert.True(live.Succeeded, live.ToString());
    }

    [Fact]
    public void A_message_expiration_time_also_ends_the_session_it_opens()
    {
        var now = _node.Clock.GetUtcNow();
        var grant = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, expirationTime: now + TimeSpan.FromMinutes(5))).Grant!;

        Assert.Equal(now + TimeSpan.FromMinutes(5), grant.Session.AbsoluteExpiresAt);
        _node.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(AuthenticationFailure.Expired, _node.Service.Authenticate(grant.Token.Reveal()).Failure);
    }

    [Fact]
    public void Refuses_a_message_whose_not_before_lies_beyond_the_clock_skew()
    {
        var now = _node.Clock.GetUtcNow();

        var early = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, notBefore: now + TimeSpan.FromMinutes(1) + TimeSpan.FromTicks(1)));
        AssertRefused(early, LoginError.NotValidNow, LoginFailureReason.NotYetValid);

        var due = _node.SignIn(TestAccount.Alice, _node.Message(TestAccount.Alice, notBefore: now + TimeSpan.FromMinutes(1)));
        Assert.True(due.Succeeded, due.ToString());
    }

    [Fact]
    public void Refuses_a_malformed_message_naming_the_line()
    {
        var text = _node.Message(TestAccount.Alice).ToString().Replace("Version: 1", "Version: 2", StringComparison.Ordinal);

        var result = _node.Service.Login(text, TestAccount.Alice.SignHex(text));

        AssertRefused(result, LoginError.MalformedMessage, LoginFailureReason.MalformedMessage);
        Assert.StartsWith("Line 7 (Version):", result.Message, StringComparison.Ordinal);
        Assert.Null(_node.Audit.Events[^1].Account);
    }

    [Fact]
    public void Refuses_a_message_longer_than_the_limit_without_parsing_it()
    {
        var text = _node.Message(TestAccount.Alice).ToString() + "\n" + new string('x', 9000);

        var result = _node.Service.Login(text, TestAccount.Alice.SignHex(text));

        AssertRefused(result, LoginError.MalformedMessage, LoginFailureReason.MessageTooLong);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x1234")]
    [InlineData("not hex at all")]
    public void Refuses_a_signature_that_is_not_65_bytes_of_hex(string signature)
    {
        var result = _node.Service.Login(_node.Message(TestAccount.Alice).ToString(), signature);

        AssertRefused(result, LoginError.MalformedSignature, LoginFailureReason.MalformedSignature);
    }

    [Fact]
    public void Refuses_a_signature_with_an_unknown_v()
    {
        var text = _node.Message(TestAccount.Alice).ToString();
        var signature = TestAccount.Alice.Sign(text);
        signature[64] = 37;

        AssertRefused(_node.Service.Login(text, signature), LoginError.MalformedSignature, LoginFailureReason.MalformedSignature);
    }

    [Fact]
    public void Trusted_issue_records_a_normal_session()
    {
        var grant = _node.Service.IssueFor(TestAccount.Bob.Address);

        Assert.Equal(SessionOrigin.TrustedIssue, grant.Session.Origin);
        Assert.Equal(["dsp", "auditor"], grant.Session.Roles);
        Assert.True(_node.Service.Authenticate(grant.Token.Reveal()).Succeeded);
        Assert.Equal(grant.Session.Id, Assert.Single(_node.Service.ListSessions(TestAccount.Bob.Address)).Id);
        var audit = Assert.Single(_node.Audit.Events);
        Assert.Equal(SessionAuditKind.SessionIssued, audit.Kind);
        Assert.Equal(TestAccount.Bob.Address, audit.Account);
    }

    [Fact]
    public void Trusted_issue_refuses_an_account_that_is_not_admitted()
    {
        Assert.Throws<InvalidOperationException>(() => _node.Service.IssueFor(TestAccount.Carol.Address));
        Assert.Equal(0, _node.Service.SessionCount);
    }

    [Fact]
    public void A_sign_in_whose_success_cannot_be_audited_does_not_happen()
    {
        _node.Audit.FailWhen = e => e.Kind == SessionAuditKind.LoginSucceeded;
        var text = _node.Message(TestAccount.Alice).ToString();

        Assert.Throws<InvalidOperationException>(() => _node.Service.Login(text, TestAccount.Alice.SignHex(text)));

        Assert.Equal(0, _node.Service.SessionCount);
        Assert.Empty(_node.Ended);
    }

    [Fact]
    public void Nonces_are_long_random_alphanumerics_that_parse_as_siwe_nonces()
    {
        var nonces = Enumerable.Range(0, 1000).Select(_ => _node.Service.IssueNonce().Value).ToList();

        Assert.Equal(nonces.Count, nonces.Distinct(StringComparer.Ordinal).Count());
        Assert.All(nonces, n =>
        {
            Assert.Equal(24, n.Length);
            Assert.True(n.All(char.IsAsciiLetterOrDigit));
        });
    }

    [Fact]
    public void The_outstanding_nonce_set_is_bounded_and_forgets_the_oldest()
    {
        using var node = new SessionHarness(o => o.MaxOutstandingNonces = 3);
        var oldest = node.Service.IssueNonce().Value;
        for (var i = 0; i < 3; i++)
        {
            node.Service.IssueNonce();
        }

        var result = node.SignIn(TestAccount.Alice, node.Message(TestAccount.Alice, nonce: oldest));

        Assert.Equal(LoginFailureReason.UnknownNonce, node.Audit.Events[^1].Failure);
        Assert.Equal(LoginError.InvalidNonce, result.Error);
    }

    private void AssertDenied(LoginResult result, LoginFailureReason reason)
    {
        AssertRefused(result, LoginError.Denied, reason);
        Assert.Equal("Sign-in refused.", result.Message);
    }

    private void AssertRefused(LoginResult result, LoginError error, LoginFailureReason reason)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Grant);
        Assert.Equal(error, result.Error);
        var audit = _node.Audit.Events.Count > 0 ? _node.Audit.Events[^1] : null;
        Assert.NotNull(audit);
        Assert.Equal(SessionAuditKind.LoginFailed, audit.Kind);
        Assert.Equal(reason, audit.Failure);
        Assert.Null(audit.SessionId);
    }
}
