using System.Text.Json;
using Nectar.Benchmarks.Load.Setup;
using LoginChallenge = Nectar.Benchmarks.Load.Setup.LoginChallenge;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;
using Nectar.JsonRpc.Login;
using Nectar.Privacy.Sessions;

namespace Nectar.Benchmarks.Load.Tests;

/// <summary>The sign-in the load generator performs is accepted by Nectar's own session service, and only that.</summary>
public sealed class SiweLoginTests : IDisposable
{
    private static readonly Uri RpcUrl = new("http://127.0.0.1:8545/");
    private const ulong ChainId = 4242;

    private readonly LibSecp256k1 _secp256k1 = new();
    private readonly Admitted _admission = new();
    private readonly SessionService _service;
    private readonly byte[] _key = Keccak256.Compute("load test sender"u8).ToArray();
    private readonly Address _account;

    public SiweLoginTests()
    {
        var options = new SessionOptions { Domain = RpcUrl.Authority, ChainId = ChainId, SweepInterval = TimeSpan.Zero };
        options.AllowedSchemes.Add("http");
        _service = new SessionService(options, _secp256k1, _admission);
        _account = new TransactionSigner(_secp256k1).AddressOf(_key);
    }

    [Fact]
    public void Signs_in_an_admitted_account_with_a_message_derived_from_the_rpc_url()
    {
        _admission.Accounts.Add(_account);
        var result = Login(_key);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(_account, result.Grant!.Session.Account);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Signs_in_through_the_node_s_login_module_with_or_without_the_ready_message(bool nameTheAddress)
    {
        _admission.Accounts.Add(_account);
        var module = new LoginRpcModule(_service, new LoginOptions { Uri = "http://127.0.0.1:8545" });
        var answer = JsonSerializer.SerializeToUtf8Bytes(
            module.GetLoginNonce(nameTheAddress ? _account : null), LoginJsonContext.Default.LoginChallenge);
        using var document = JsonDocument.Parse(answer);
        var challenge = LoginChallenge.Parse(document.RootElement);
        Assert.Equal(nameTheAddress, challenge.Message is not null);
        var message = challenge.Message ?? SiweLogin.BuildMessage(challenge, RpcUrl, 1, _account, DateTimeOffset.UtcNow).ToString();
        var grant = module.Login(message, SiweLogin.Sign(_secp256k1, message, _key));
        Assert.StartsWith("nectar_", grant.Token, StringComparison.Ordinal);
        Assert.Equal(_account, grant.Account);
    }

    [Fact]
    public void A_message_signed_by_another_key_is_refused()
    {
        _admission.Accounts.Add(_account);
        var nonce = _service.IssueNonce();
        var message = SiweLogin.BuildMessage(new LoginChallenge(nonce.Value, null, null, null, null, null, null, null), RpcUrl, ChainId, _account, DateTimeOffset.UtcNow).ToString();
        var other = Keccak256.Compute("someone else"u8).ToArray();
        var result = _service.Login(message, SiweLogin.Sign(_secp256k1, message, other));
        Assert.False(result.Succeeded);
        Assert.Equal(LoginError.Denied, result.Error);
    }

    [Fact]
    public void An_account_that_is_not_admitted_is_refused()
    {
        var result = Login(_key);
        Assert.False(result.Succeeded);
        Assert.Equal(LoginError.Denied, result.Error);
    }

    [Fact]
    public void Parameters_the_node_states_replace_the_derived_ones()
    {
        using var answer = JsonDocument.Parse("""
            {"nonce":"abcdEFGH1234","domain":"rpc.example.org","uri":"https://rpc.example.org/login","chainId":"0x1092","statement":"Welcome."}
            """);
        var challenge = LoginChallenge.Parse(answer.RootElement);
        var message = SiweLogin.BuildMessage(challenge, RpcUrl, 1, _account, DateTimeOffset.UtcNow);
        Assert.Equal("rpc.example.org", message.Domain);
        Assert.Equal("https://rpc.example.org/login", message.Uri);
        Assert.Equal(4242UL, message.ChainId);
        Assert.Equal("Welcome.", message.Statement);
        Assert.Equal("abcdEFGH1234", message.Nonce);
    }

    [Fact]
    public void A_plain_string_answer_is_the_nonce_alone()
    {
        using var answer = JsonDocument.Parse("\"abcdEFGH1234\"");
        var message = SiweLogin.BuildMessage(LoginChallenge.Parse(answer.RootElement), RpcUrl, ChainId, _account, DateTimeOffset.UtcNow);
        Assert.Equal("127.0.0.1:8545", message.Domain);
        Assert.Equal("http://127.0.0.1:8545", message.Uri);
        Assert.Equal(ChainId, message.ChainId);
    }

    [Fact]
    public void An_answer_without_a_nonce_is_refused()
    {
        using var answer = JsonDocument.Parse("""{"domain":"x"}""");
        Assert.Throws<InvalidOperationException>(() => LoginChallenge.Parse(answer.RootElement));
    }

    public void Dispose()
    {
        _service.Dispose();
        _secp256k1.Dispose();
    }

    private LoginResult Login(byte[] key)
    {
        var nonce = _service.IssueNonce();
        var message = SiweLogin.BuildMessage(new LoginChallenge(nonce.Value, null, null, null, null, null, null, null), RpcUrl, ChainId, _account, DateTimeOffset.UtcNow).ToString();
        return _service.Login(message, SiweLogin.Sign(_secp256k1, message, key));
    }

    private sealed class Admitted : IAccountAdmission
    {
        public HashSet<Address> Accounts { get; } = [];

        public AccountAdmission GetAdmission(Address account) =>
            Accounts.Contains(account) ? AccountAdmission.Admitted("user") : AccountAdmission.NotAdmitted;
    }
}
