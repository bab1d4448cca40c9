using System.Globalization;
using System.Text.RegularExpressions;
using Nectar.Core.Numerics;
using Nectar.JsonRpc.Server.Tests.Support;
using Nectar.Node.Tests.Support;

namespace Nectar.Node.Tests;

/// <summary>The chain's, the pool's and the sequencer's figures on a dev node's <c>/metrics</c>.</summary>
public sealed partial class NodeMetricsTests : IAsyncLifetime
{
    private NectarNode _node = null!;
    private Microsoft.Extensions.Logging.ILoggerFactory _factory = null!;
    private RpcClient _rpc = null!;

    public async Task InitializeAsync()
    {
        (_node, _, _factory) = await NodeFixture.StartAsync(NodeFixture.DevOptions());
        _rpc = new RpcClient(_node.RpcUrl);
    }

    public async Task DisposeAsync()
    {
        _rpc.Dispose();
        await _node.DisposeAsync();
        _factory.Dispose();
    }

    [Fact]
    public async Task A_fresh_node_exports_its_genesis_head_and_zero_counters()
    {
        var metrics = await ScrapeAsync();

        Assert.Equal(0, metrics.Value("nectar_chain_head_block"));
        Assert.Equal(_node.Chain.Head.Timestamp, metrics.Value("nectar_chain_head_timestamp_seconds"));
        Assert.Equal((ulong)_node.Chain.Head.BaseFeePerGas!.Value, metrics.Value("nectar_chain_base_fee_per_gas_wei"));
        Assert.Equal(0, metrics.Value("nectar_chain_blocks_total"));
        Assert.Equal(0, metrics.Value("nectar_chain_transactions_total"));
        Assert.Equal(0, metrics.Value("nectar_chain_gas_used_total"));
        Assert.Equal(0, metrics.Value("nectar_txpool_transactions{state=\"executable\"}"));
        Assert.Equal(0, metrics.Value("nectar_txpool_transactions{state=\"future\"}"));
        Assert.Equal(0, metrics.Value("nectar_sequencer_block_seconds_count"));
    }

    [Fact]
    public async Task Exports_the_head_the_counters_the_pool_and_the_block_time_after_a_block()
    {
        var sender = NodeFixture.Keys[1];
        var waiting = NodeFixture.Keys[3];
        var senderToken = _node.IssueSession(sender.Address).Token.Reveal();
        var waitingToken = _node.IssueSession(waiting.Address).Token.Reveal();

        // Nonce 1 while the account is at 0: it waits in the pool as a future transaction and makes no block.
        var future = NodeFixture.SignTransfer(waiting, NodeFixture.Keys[4].Address, 1, UInt256.One, _node.ChainId);
        var futureHash = (await _rpc.CallAsync("eth_sendRawTransaction", [future], waitingToken))!.GetValue<string>();
        var raw = NodeFixture.SignTransfer(sender, NodeFixture.Keys[2].Address, 0, new UInt256(7), _node.ChainId);
        var hash = (await _rpc.CallAsync("eth_sendRawTransaction", [raw], senderToken))!.GetValue<string>();
        var receipt = await RpcClient.PollAsync(() => _rpc.CallAsync("eth_getTransactionReceipt", [hash], senderToken), TimeSpan.FromSeconds(30));

        // The receipt is readable before the new head is announced, and the counters follow the announcement.
        var metrics = await ScrapeUntilAsync(m => m.Value("nectar_chain_blocks_total") == 1);
        var head = _node.Chain.Head;
        Assert.Equal(1UL, head.Number);
        Assert.Equal(1, metrics.Value("nectar_chain_head_block"));
        Assert.Equal(head.Timestamp, metrics.Value("nectar_chain_head_timestamp_seconds"));
        Assert.Equal((ulong)head.BaseFeePerGas!.Value, metrics.Value("nectar_chain_base_fee_per_gas_wei"));
        Assert.Equal(1, metrics.Value("nectar_chain_transactions_total"));
        Assert.Equal(ulong.Parse(receipt["gasUsed"]!.GetValue<string>()[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture), metrics.Value("nectar_chain_gas_used_total"));
        Assert.Equal(head.GasUsed, metrics.Value("nectar_chain_gas_used_total"));
        Assert.Equal(0, metrics.Value("nectar_txpool_transactions{state=\"executable\"}"));
        Assert.Equal(1, metrics.Value("nectar_txpool_transactions{state=\"future\"}"));
        Assert.Equal(1, metrics.Value("nectar_txpool_senders"));
        Assert.True(metrics.Value("nectar_txpool_bytes") > 0);
        Assert.Equal(1, metrics.Value("nectar_sequencer_block_seconds_count"));
        Assert.Equal(1, metrics.Value("nectar_sequencer_block_seconds_bucket{le=\"+Inf\"}"));
        Assert.True(metrics.Value("nectar_sequencer_block_seconds_sum") > 0);

        // Aggregates only: no account, transaction or block identity reaches the metrics.
        var text = await ScrapeTextAsync();
        Assert.DoesNotMatch(HexIdentity(), text);
        Assert.DoesNotContain(hash[2..], text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(futureHash[2..], text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(sender.Address.ToString()[2..], text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Counts_mined_empty_blocks_without_transactions_or_gas()
    {
        var token = _node.IssueSession(NodeFixture.Keys[0].Address).Token.Reveal();

        await _rpc.CallAsync("evm_mine", [], token);
        await _rpc.CallAsync("evm_mine", [], token);

        // Mining returns once the block is announced: no polling needed.
        var metrics = await ScrapeAsync();
        Assert.Equal(2, metrics.Value("nectar_chain_head_block"));
        Assert.Equal(2, metrics.Value("nectar_chain_blocks_total"));
        Assert.Equal(0, metrics.Value("nectar_chain_transactions_total"));
        Assert.Equal(0, metrics.Value("nectar_chain_gas_used_total"));
        Assert.Equal(2, metrics.Value("nectar_sequencer_block_seconds_count"));
    }

    [GeneratedRegex("0x[0-9a-fA-F]{40}")]
    private static partial Regex HexIdentity();

    private async Task<string> ScrapeTextAsync()
    {
        using var response = await _rpc.GetAsync("/metrics");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<PrometheusText> ScrapeAsync() => PrometheusText.Parse(await ScrapeTextAsync());

    private async Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var metrics = await ScrapeAsync();
            if (condition(metrics))
            {
                return metrics;
            }

            Assert.True(DateTime.UtcNow < deadline, "the metrics did not reach the expected figures in 10 s");
            await Task.Delay(10);
        }
    }
}
