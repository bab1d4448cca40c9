using Nectar.Core.Numerics;
using Nectar.Node.Configuration;
using Nectar.Node.Tests.Support;

namespace Nectar.Node.Tests;

/// <summary>A node on RocksDB in a temporary folder, stopped and started again.</summary>
public sealed class PersistentNodeTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_restarted_node_resumes_at_the_same_head_with_the_same_state()
    {
        var options = NodeFixture.DevOptions(DatabaseKind.RocksDb, _directory.Path);
        var sender = NodeFixture.Keys[1];
        var recipient = NodeFixture.Keys[2];
        string headHash;
        string stateRoot;
        string balance;

        var (node, _, factory) = await NodeFixture.StartAsync(options);
        await using (node)
        using (factory)
        using (var rpc = new RpcClient(node.RpcUrl))
        {
            var token = node.IssueSession(recipient.Address).Token.Reveal();
            var senderToken = node.IssueSession(sender.Address).Token.Reveal();
            var hash = (await rpc.CallAsync("eth_sendRawTransaction", [NodeFixture.SignTransfer(sender, recipient.Address, 0, new UInt256(777), node.ChainId)], senderToken))!.GetValue<string>();
            await RpcClient.PollAsync(() => rpc.CallAsync("eth_getTransactionReceipt", [hash], senderToken), TimeSpan.FromSeconds(30));
            var head = (await rpc.CallAsync("eth_getBlockByNumber", ["latest", false], token))!.AsObject();
            headHash = head["hash"]!.GetValue<string>();
            stateRoot = head["stateRoot"]!.GetValue<string>();
            balance = (await rpc.CallAsync("eth_getBalance", [recipient.Address.ToString(), "latest"], token))!.GetValue<string>();
            Assert.Equal("0x1", head["number"]!.GetValue<string>());
        }

        Assert.True(Directory.Exists(Path.Combine(_directory.Path, NectarNode.DatabaseFolder)));

        var (restarted, _, factory2) = await NodeFixture.StartAsync(options);
        await using (restarted)
        using (factory2)
        using (var rpc = new RpcClient(restarted.RpcUrl))
        {
            var token = restarted.IssueSession(recipient.Address).Token.Reveal();
            var head = (await rpc.CallAsync("eth_getBlockByNumber", ["latest", false], token))!.AsObject();

            Assert.Equal(headHash, head["hash"]!.GetValue<string>());
            Assert.Equal(stateRoot, head["stateRoot"]!.GetValue<string>());
            Assert.Equal(balance, (await rpc.CallAsync("eth_getBalance", [recipient.Address.ToString(), "latest"], token))!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_second_node_on_the_same_data_directory_is_refused_and_leaves_the_first_running()
    {
        var options = NodeFixture.DevOptions(DatabaseKind.RocksDb, _directory.Path);
        var (node, _, factory) = await NodeFixture.StartAsync(options);
        await using (node)
        using (factory)
        {
            await Assert.ThrowsAnyAsync<Db.StorageException>(() => NodeFixture.StartAsync(options));

            using var rpc = new RpcClient(node.RpcUrl);
            Assert.NotNull(await rpc.CallAsync("eth_chainId", []));
        }
    }
}
