using System.Text.Json;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Login;
using Nectar.JsonRpc.Tests.Logs.Support;
using Nectar.JsonRpc.Tests.Support;
using Nectar.Privacy.Sessions;
using static Nectar.JsonRpc.Tests.Logs.Support.ChainRpc;
using Nectar.Tests;

namespace Nectar.JsonRpc.Tests.Login;

/// <summary>Sign-in over JSON-RPC with real EIP-4361 messages signed by test keys; Alice and Bob are admitted, Carol is not.</summary>
public sealed class LoginSpecs : IDisposable
{
    private const string Domain = "node.nectar.test";

    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly SessionService _sessions;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ChainRpc _rpc;

    public LoginSpecs()
    {
        var admission = new Admission();
        _sessions = new SessionService(
            new SessionOptions { Domain = Domain, ChainId = TestChain.ChainId, SweepInterval = TimeSpan.Zero },
            TestKey.Secp256k1,
            admission,
            timeProvider: _clock);
        _rpc = new ChainRpc(configure: b => b
            .AddModule<ILoginRpcModule>(new LoginRpcModule(_sessions))
            .AddTypeInfoResolver(LoginJsonContext.Default)
            .WithLoggerFactory(_logs));
    }

    public void Dispose() => _sessions.Dispose();

    [Fact]
    public async Task The_nonce_comes_with_every_field_the_message_needs()
    {
        var challenge = await _rpc.ResultAsync("nectar_getLoginNonce", "[]", Anonymous());

        Assert.Matches("^[A-Za-z0-9]{24}$", challenge.GetProperty("nonce").GetString());
        Assert.Equal(Domain, challenge.GetProperty("domain").GetString());
        Assert.Equal("https://" + Domain, challenge.GetProperty("uri").GetString());
        Assert.Equal("1", challenge.GetProperty("version").GetString());
        Assert.Equal(Hex(TestChain.ChainId), challenge.GetProperty("chainId").GetString());
        Assert.Equal("Sign in to the Nectar node.", challenge.GetProperty("statement").GetString());
        Assert.True(DateTimeOffset.Parse(challenge.GetProperty("expiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse(challenge.GetProperty("issuedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(challenge.TryGetProperty("message", out _));
    }

    [Fact]
    public async Task Naming_the_address_gives_the_message_ready_to_sign()
    {
        var challenge = await _rpc.ResultAsync("nectar_getLoginNonce", $"[\"{TestKey.Alice.Address}\"]", Anonymous());

        var message = SiweMessage.Parse(challenge.GetProperty("message").GetString()!);
        Assert.Equal(TestKey.Alice.Address, message.Address);
        Assert.Equal(challenge.GetProperty("nonce").GetString(), message.Nonce);
        Assert.Equal(Domain, message.Domain);
        Assert.Equal(TestChain.ChainId, message.ChainId);
    }

    [Fact]
    public async Task Signing_in_returns_a_token_that_authenticates_as_the_account()
    {
        var (message, signature) = await SignedMessageAsync(TestKey.Alice);

        var grant = await _rpc.ResultAsync("nectar_login", Params(message, signature), Anonymous());

        var token = grant.GetProperty("token").GetString()!;
        Assert.StartsWith(SessionToken.Prefix, token, StringComparison.Ordinal);
        Assert.Equal(TestKey.Alice.Address.ToString(), grant.GetProperty("account").GetString());
        var session = _sessions.Authenticate(token).Session;
        Assert.NotNull(session);
        Assert.Equal(TestKey.Alice.Address, session.Account);
        Assert.Equal(SiweTimestamp.FromDateTimeOffset(session.ExpiresAt).Value, DateTimeOffset.Parse(grant.GetProperty("expiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_wrong_signer_and_an_unadmitted_account_get_the_same_answer()
    {
        var (aliceMessage, _) = await SignedMessageAsync(TestKey.Alice);
        var wrongSigner = await _rpc.ErrorAsync("nectar_login", Params(aliceMessage, Sign(TestKey.Bob, aliceMessage)), Anonymous());
        var (carolMessage, carolSignature) = await SignedMessageAsync(TestKey.Carol);
        var notAdmitted = await _rpc.ErrorAsync("nectar_login", Params(carolMessage, carolSignature), Anonymous());

        Assert.Equal((-32090, "Sign-in refused."), wrongSigner);
        Assert.Equal(wrongSigner, notAdmitted);
    }

    [Fact]
    public async Task A_replayed_nonce_and_a_malformed_message_are_refused()
    {
        var (message, signature) = await SignedMessageAsync(TestKey.Alice);
        await _rpc.ResultAsync("nectar_login", Params(message, signature), Anonymous());

        var replay = await _rpc.ErrorAsync("nectar_login", Params(message, signature), Anonymous());
        var malformed = await _rpc.ErrorAsync("nectar_login", Params("hello", signature), Anonymous());

        Assert.Equal(-32090, replay.Code);
        Assert.Contains("nonce", replay.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(-32602, malformed.Code);
    }

    [Fact]
    public async Task Logging_out_ends_the_callers_session_at_once()
    {
        var (message, signature) = await SignedMessageAsync(TestKey.Alice);
        var token = (await _rpc.ResultAsync("nectar_login", Params(message, signature), Anonymous())).GetProperty("token").GetString()!;
        var session = _sessions.Authenticate(token).Session!;
        var caller = new RpcCallContext(RpcTransportKind.InProcess, new RpcPrincipal(session.Account, session.Id.Value, session.ExpiresAt));

        Assert.Equal(-32090, (await _rpc.ErrorAsync("nectar_logout", "[]", Anonymous())).Code);
        Assert.True(_sessions.Authenticate(token).Succeeded);
        Assert.True((await _rpc.ResultAsync("nectar_logout", "[]", caller)).GetBoolean());
        Assert.False(_sessions.Authenticate(token).Succeeded);
        Assert.False((await _rpc.ResultAsync("nectar_logout", "[]", caller)).GetBoolean());
    }

    [Fact]
    public async Task Neither_the_message_nor_the_signature_nor_the_token_is_ever_logged()
    {
        var (message, signature) = await SignedMessageAsync(TestKey.Alice);
        var token = (await _rpc.ResultAsync("nectar_login", Params(message, signature), Anonymous())).GetProperty("token").GetString()!;
        await _rpc.ErrorAsync("nectar_login", Params(message, signature), Anonymous());
        await _rpc.ErrorAsync("nectar_login", $"[\"{token}\", 5]", Anonymous());

        Assert.True(_logs.AnyContains("nectar_login"), "the log lines were captured");
        var nonce = SiweMessage.Parse(message).Nonce;
        foreach (var secret in new[] { token, token[SessionToken.Prefix.Length..], signature[2..], nonce, "Sign in to the Nectar node" })
        {
            Assert.False(_logs.AnyContains(secret), "a log line holds " + secret[..8] + "...");
        }
    }

    [Fact]
    public void A_grant_never_prints_its_token()
    {
        var grant = new LoginGrant { Token = "nectar_secret", Account = TestKey.Alice.Address, ExpiresAt = "2026-03-01T09:00:00Z" };

        Assert.DoesNotContain("secret", grant.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_options_that_could_never_make_a_valid_message() =>
        Assert.Throws<ArgumentException>(() => new LoginRpcModule(_sessions, new LoginOptions { Uri = "not a uri" }));

    private static string Params(string message, string signature) => JsonSerializer.Serialize(new[] { message, signature });

    private static string Sign(TestKey key, string message)
    {
        var hash = PersonalMessage.Hash(message);
        var signature = new byte[65];
        Assert.True(TestKey.Secp256k1.TrySign(hash.Bytes, key.PrivateKey, signature, out var recoveryId));
        signature[64] = (byte)(27 + recoveryId);
        return "0x" + Convert.ToHexStringLower(signature);
    }

    private async Task<(string Message, string Signature)> SignedMessageAsync(TestKey key)
    {
        var challenge = await _rpc.ResultAsync("nectar_getLoginNonce", $"[\"{key.Address}\"]", Anonymous());
        var message = challenge.GetProperty("message").GetString()!;
        return (message, Sign(key, message));
    }

    private sealed class Admission : IAccountAdmission
    {
        public AccountAdmission GetAdmission(Address account) =>
            account == TestKey.Alice.Address || account == TestKey.Bob.Address ? AccountAdmission.Admitted("user") : AccountAdmission.NotAdmitted;
    }
}
