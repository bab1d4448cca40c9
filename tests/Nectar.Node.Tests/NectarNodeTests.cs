using System.Globalization;
using System.Net;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Crypto.Secp256k1;
using Nectar.Node.Tests.Support;
using Nectar.Privacy.Sessions;

namespace Nectar.Node.Tests;

/// <summary>A whole dev-mode node in memory, started in-process on loopback and driven over HTTP as a wallet would.</summary>
public sealed class NectarNodeTests : IAsyncLifetime
{
    private NectarNode _node = null!;
    private CapturingLoggerProvider _logs = null!;
    private Microsoft.Extensions.Logging.ILoggerFactory _factory = null!;
    private RpcClient _rpc = null!;

    public async Task InitializeAsync()
    {
        (_node, _logs, _factory) = await NodeFixture.StartAsync(NodeFixture.DevOptions());
        _rpc = new RpcClient(_node.RpcUrl);
    }

    public async Task DisposeAsync()
    {
        _rpc.Dispose();
        await _node.DisposeAsync();
        _factory.Dispose();
    }

    [Fact]
    public async Task Chain_id_is_public()
    {
        var (status, body) = await _rpc.SendAsync("eth_chainId", []);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("0x" + _node.ChainId.ToString("x", CultureInfo.InvariantCulture), body["result"]!.GetValue<string>());
        Assert.Equal(632_827UL, _node.ChainId);
    }

    [Fact]
    public async Task A_private_method_without_a_token_is_refused_with_401()
    {
        var (status, body) = await _rpc.SendAsync("eth_blockNumber", []);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(-32090, body["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_forged_token_is_refused_with_401()
    {
        var (status, _) = await _rpc.SendAsync("eth_blockNumber", [], "nectar_" + new string('x', 43));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_devnet_token_opens_private_methods()
    {
        var token = _node.IssueSession(NodeFixture.Keys[1].Address).Token.Reveal();

        var number = await _rpc.CallAsync("eth_blockNumber", [], token);

        Assert.Equal("0x0", number!.GetValue<string>());
    }

    [Fact]
    public void Only_admitted_accounts_get_sessions()
    {
        var stranger = Core.Primitives.Address.Parse("0x000000000000000000000000000000000000dead");

        Assert.ThrowsAny<InvalidOperationException>(() => _node.IssueSession(stranger));
    }

    [Fact]
    public async Task A_signed_transfer_is_mined_and_its_receipt_and_balances_are_readable()
    {
        var sender = NodeFixture.Keys[1];
        var recipient = NodeFixture.Keys[2];
        var senderToken = _node.IssueSession(sender.Address).Token.Reveal();
        var recipientToken = _node.IssueSession(recipient.Address).Token.Reveal();
        var before = UInt256.Parse((await _rpc.CallAsync("eth_getBalance", [recipient.Address.ToString(), "latest"], recipientToken))!.GetValue<string>());

        var raw = NodeFixture.SignTransfer(sender, recipient.Address, 0, new UInt256(12_345), _node.ChainId);
        var hash = (await _rpc.CallAsync("eth_sendRawTransaction", [raw], senderToken))!.GetValue<string>();
        var receipt = await RpcClient.PollAsync(() => _rpc.CallAsync("eth_getTransactionReceipt", [hash], senderToken), TimeSpan.FromSeconds(30));

        Assert.Equal("0x1", receipt["status"]!.GetValue<string>());
        Assert.Equal(hash, receipt["transactionHash"]!.GetValue<string>());
        var after = UInt256.Parse((await _rpc.CallAsync("eth_getBalance", [recipient.Address.ToString(), "latest"], recipientToken))!.GetValue<string>());
        Assert.Equal(before + new UInt256(12_345), after);
        Assert.Equal("0x1", (await _rpc.CallAsync("eth_getTransactionCount", [sender.Address.ToString(), "latest"], senderToken))!.GetValue<string>());

        // Nothing secret reaches the logs: neither the tokens, the key, nor the transaction's bytes.
        var logs = _logs.AllText;
        Assert.DoesNotContain(senderToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(recipientToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Hex.ToHexString(sender.ExportPrivateKey(), withPrefix: false), logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(raw[2..], logs, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_revoked_members_pooled_transactions_leave_with_the_block_that_revokes_it()
    {
        var member = NodeFixture.Keys[5];
        var governor = NodeFixture.Keys[0];
        var memberToken = _node.IssueSession(member.Address).Token.Reveal();
        var governorToken = _node.IssueSession(governor.Address).Token.Reveal();

        // Nonce 1 while the account is at 0: the transfer waits in the pool, touched by no block.
        var waiting = NodeFixture.SignTransfer(member, NodeFixture.Keys[6].Address, 1, UInt256.One, _node.ChainId);
        await _rpc.CallAsync("eth_sendRawTransaction", [waiting], memberToken);
        Assert.Single(_node.Pool.GetTransactions(member.Address));

        var revoke = new byte[4 + 32];
        Core.Hashing.Keccak256.Compute("revoke(address)"u8).Bytes[..4].CopyTo(revoke);
        member.Address.Bytes.CopyTo(revoke.AsSpan(4 + 12));
        var raw = NodeFixture.SignCall(governor, Contracts.SystemContracts.AccountRegistry, revoke, 0, _node.ChainId);
        var hash = (await _rpc.CallAsync("eth_sendRawTransaction", [raw], governorToken))!.GetValue<string>();
        var receipt = await RpcClient.PollAsync(() => _rpc.CallAsync("eth_getTransactionReceipt", [hash], governorToken), TimeSpan.FromSeconds(30));

        Assert.Equal("0x1", receipt["status"]!.GetValue<string>());
        Assert.Empty(_node.Pool.GetTransactions(member.Address));
    }

    [Fact]
    public async Task An_outsider_reads_another_accounts_receipt_as_missing()
    {
        var sender = NodeFixture.Keys[3];
        var senderToken = _node.IssueSession(sender.Address).Token.Reveal();
        var outsiderToken = _node.IssueSession(NodeFixture.Keys[7].Address).Token.Reveal();
        var raw = NodeFixture.SignTransfer(sender, NodeFixture.Keys[4].Address, 0, UInt256.One, _node.ChainId);
        var hash = (await _rpc.CallAsync("eth_sendRawTransaction", [raw], senderToken))!.GetValue<string>();
        await RpcClient.PollAsync(() => _rpc.CallAsync("eth_getTransactionReceipt", [hash], senderToken), TimeSpan.FromSeconds(30));

        var seenByOutsider = await _rpc.CallAsync("eth_getTransactionReceipt", [hash], outsiderToken);

        Assert.Null(seenByOutsider);
    }

    [Fact]
    public async Task Signs_in_with_ethereum_over_rpc_and_the_token_works()
    {
        var key = NodeFixture.Keys[5];
        var challenge = (await _rpc.CallAsync("nectar_getLoginNonce", [key.Address.ToChecksumString()]))!.AsObject();
        var message = challenge["message"]!.GetValue<string>();
        Assert.Equal(_node.SignInDomain, challenge["domain"]!.GetValue<string>());
        Assert.Equal(_node.RpcUrl.Authority, _node.SignInDomain);

        var grant = (await _rpc.CallAsync("nectar_login", [message, SignPersonal(message, key.ExportPrivateKey())]))!.AsObject();
        var token = grant["token"]!.GetValue<string>();

        Assert.Equal("0x0", (await _rpc.CallAsync("eth_blockNumber", [], token))!.GetValue<string>());
        Assert.DoesNotContain(token, _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dev_methods_mine_blocks_in_dev_mode()
    {
        var token = _node.IssueSession(NodeFixture.Keys[0].Address).Token.Reveal();

        await _rpc.CallAsync("evm_mine", [], token);
        await _rpc.CallAsync("evm_mine", [], token);

        Assert.Equal("0x2", (await _rpc.CallAsync("eth_blockNumber", [], token))!.GetValue<string>());
    }

    [Fact]
    public async Task Health_and_metrics_answer()
    {
        await _rpc.SendAsync("eth_chainId", []);

        using var ready = await _rpc.GetAsync("/health/ready");
        using var metrics = await _rpc.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("nectar_rpc_requests_total{method=\"eth_chainId\"", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_closes_the_endpoint_and_completes_once()
    {
        var stop = _node.StopAsync();
        var again = _node.StopAsync();
        await Task.WhenAll(stop, again);

        Assert.True(_node.Stopped.IsCompleted);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => _rpc.SendAsync("eth_chainId", []));
    }

    private static string SignPersonal(string message, byte[] key)
    {
        using var secp256k1 = new LibSecp256k1();
        var hash = PersonalMessage.Hash(message);
        var signature = new byte[65];
        Assert.True(secp256k1.TrySign(hash.Bytes, key, signature.AsSpan(0, 64), out var recoveryId));
        signature[64] = (byte)(27 + recoveryId);
        return Hex.ToHexString(signature);
    }
}
