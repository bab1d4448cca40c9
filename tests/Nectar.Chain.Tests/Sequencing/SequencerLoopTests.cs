using Nectar.Chain.Sequencing;
using Nectar.Chain.Tests.Persistence.Support;
using Nectar.Chain.Tests.Sequencing.Support;
using Nectar.Core.Primitives;
using static Nectar.Chain.Tests.ChainHarness;
using static Nectar.Chain.Tests.Persistence.Support.StoreHarness;

namespace Nectar.Chain.Tests.Sequencing;

public sealed class SequencerLoopTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Submitted_transaction_becomes_a_block_whose_receipt_is_readable_when_the_new_head_is_announced()
    {
        await using var harness = new SequencerHarness(new SequencerOptions { CollectionWindow = TimeSpan.Zero, HeartbeatInterval = TimeSpan.Zero });
        var readable = new List<bool>();
        harness.Sequencer.NewHead += (_, e) => readable.Add(
            harness.Store.FindReceipts(e.Block.Hash) is { Count: 1 } && harness.Store.FindTransaction(e.Block.Transactions[0].Hash) is not null);
        var transfer = Transfer(AliceKey, 0, Carol, 5);

        harness.Sequencer.Start();
        harness.Submit(transfer);
        var block = harness.WaitForHead(1);

        Assert.Equal(transfer.Hash, Assert.Single(block.Transactions).Hash);
        var head = Assert.Single(harness.Heads);
        Assert.Equal(block.Hash, head.Block.Hash);
        Assert.Equal([Alice], head.Senders);
        Assert.True(Assert.Single(head.Receipts).Success);
        Assert.Equal([true], readable);
        Assert.Equal(0, harness.Pool.Count);
    }

    [Fact]
    public async Task Transactions_arriving_within_the_collection_window_share_one_block()
    {
        await using var harness = new SequencerHarness(new SequencerOptions { CollectionWindow = Window, HeartbeatInterval = TimeSpan.Zero });
        harness.Sequencer.Start();
        harness.Submit(Transfer(AliceKey, 0, Carol));
        harness.WaitForTimer();

        for (ulong nonce = 0; nonce < 5; nonce++)
        {
            harness.Submit(Transfer(BobKey, nonce, Carol), Transfer(AliceKey, nonce + 1, Carol));
        }

        Assert.Equal(0UL, harness.Store.Head.Number);
        harness.Clock.Advance(Window);
        var block = harness.WaitForHead(1);

        Assert.Equal(11, block.Transactions.Length);
        Assert.Equal(0, harness.Pool.Count);
    }

    [Fact]
    public async Task Full_blocks_follow_each_other_without_a_new_window()
    {
        await using var harness = new SequencerHarness(new SequencerOptions { CollectionWindow = Window, HeartbeatInterval = TimeSpan.Zero, MaxTransactionsPerBlock = 3 });
        for (ulong nonce = 0; nonce < 7; nonce++)
        {
            harness.Submit(Transfer(AliceKey, nonce, Carol));
        }

        harness.Sequencer.Start();
        harness.WaitForTimer();
        harness.Clock.Advance(Window);
        harness.WaitForHead(3);

        Assert.Equal([3, 3, 1], harness.Heads.Select(h => h.Block.Transactions.Length));
    }

    [Fact]
    public async Task Idle_chain_gets_no_empty_blocks_without_a_heartbeat()
    {
        await using var harness = new SequencerHarness(new SequencerOptions { CollectionWindow = TimeSpan.Zero, HeartbeatInterval = TimeSpan.Zero });
        harness.Sequencer.Start();
        for (var i = 0; i < 5; i++)
        {
            harness.Clock.Advance(TimeSpan.FromHours(1));
        }

        var transfer = Transfer(AliceKey, 0, Carol);
        harness.Submit(transfer);

        // Had the idle hours made blocks, the transfer would sit above block 1.
        Assert.Equal(transfer.Hash, Assert.Single(harness.WaitForHead(1).Transactions).Hash);
        Assert.Single(harness.Heads);
    }

    [Fact]
    public async Task Heartbeat_makes_an_empty_block_when_the_chain_was_idle_for_the_interval()
    {
        var heartbeat = TimeSpan.FromSeconds(12);
        await using var harness = new SequencerHarness(new SequencerOptions { CollectionWindow = Window, HeartbeatInterval = heartbeat });
        var start = harness.Clock.GetUtcNow().ToUnixTimeSeconds();
        harness.Sequencer.Start();

        harness.WaitForTimer();
        harness.Clock.Advance(heartbeat - TimeSpan.FromSeconds(1));
        Assert.Equal(0UL, harness.Store.Head.Number);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var first = harness.WaitForHead(1);
        Assert.Empty(first.Transactions);
        Assert.Equal((ulong)start + 12, first.Header.Timestamp);

        harness.WaitForTimer();
        harness.Clock.Advance(heartbeat);
        Assert.Equal((ulong)start + 24, harness.WaitForHead(2).Header.Timestamp);
    }

    [Fact]
    public async Task Block_timestamps_follow_the_clock_but_always_pass_the_parent()
    {
        // The clock is behind the genesis timestamp: each block takes its parent's plus one.
        await using var harness = new SequencerHarness(
            new SequencerOptions { CollectionWindow = TimeSpan.Zero, HeartbeatInterval = TimeSpan.Zero },
            start: DateTimeOffset.FromUnixTimeSeconds((long)GenesisTimestamp - 1_000));
        harness.Sequencer.Start();
        harness.Submit(Transfer(AliceKey, 0, Carol));
        Assert.Equal(GenesisTimestamp + 1, harness.WaitForHead(1).Header.Timestamp);
        harness.Submit(Transfer(AliceKey, 1, Carol));
        Assert.Equal(GenesisTimestamp + 2, harness.WaitForHead(2).Header.Timestamp);

        // Once the clock is ahead, it gives the timestamp.
        harness.Clock.Advance(TimeSpan.FromSeconds(5_000));
        harness.Submit(Transfer(AliceKey, 2, Carol));
        Assert.Equal(GenesisTimestamp + 4_000, harness.WaitForHead(3).Header.Timestamp);
    }

    [Fact]
    public async Task Stop_finishes_the_block_whose_window_is_open()
    {
        await using var harness = new SequencerHarness(new SequencerOptions { CollectionWindow = Window, HeartbeatInterval = TimeSpan.Zero });
        harness.Sequencer.Start();
        var transfer = Transfer(AliceKey, 0, Carol);
        harness.Submit(transfer);
        harness.WaitForTimer();

        await harness.Sequencer.StopAsync().WaitAsync(SequencerHarness.Bound);

        Assert.False(harness.Sequencer.IsRunning);
        Assert.Equal(1UL, harness.Store.Head.Number);
        Assert.Equal(transfer.Hash, Assert.Single(harness.Store.HeadBlock.Transactions).Hash);
    }

    [Fact]
    public async Task Stopped_sequencer_produces_nothing_until_told()
    {
        await using var harness = new SequencerHarness(new SequencerOptions { CollectionWindow = TimeSpan.Zero, HeartbeatInterval = TimeSpan.FromSeconds(1) });
        harness.Sequencer.Start();
        await harness.Sequencer.StopAsync().WaitAsync(SequencerHarness.Bound);

        harness.Submit(Transfer(AliceKey, 0, Carol));
        harness.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0UL, harness.Store.Head.Number);
        var mined = Assert.Single(await harness.Sequencer.MineAsync());
        Assert.Single(mined.Transactions);
    }

    [Fact]
    public async Task Transaction_that_breaks_the_build_is_dropped_and_the_others_are_mined()
    {
        await using var harness = new SequencerHarness(new SequencerOptions { CollectionWindow = TimeSpan.Zero, HeartbeatInterval = TimeSpan.Zero });
        var poison = Transfer(BobKey, 0, Carol, 13);
        harness.Sequencer.BuildOverride = (request, candidates) => candidates.Any(c => c.Hash == poison.Hash)
            ? throw new InvalidOperationException("the build breaks")
            : Builder.Build(request, candidates, harness.Store.State, harness.Store);
        var first = Transfer(AliceKey, 0, Carol, 1);
        var second = Transfer(AliceKey, 1, Carol, 2);
        harness.Submit(first, poison, second);

        harness.Sequencer.Start();
        var block = harness.WaitForHead(1);

        Assert.Equal([first.Hash, second.Hash], block.Transactions.Select(t => t.Hash));
        Assert.False(harness.Pool.TryGetTransaction(poison.Hash, out _));
        Assert.True(harness.Sequencer.IsRunning);
        harness.Submit(Transfer(AliceKey, 2, Carol));
        harness.WaitForHead(2);
    }

    [Fact]
    public async Task Block_that_fails_to_store_leaves_head_and_pool_and_the_loop_goes_on()
    {
        var database = new FaultyDatabase(NewMemoryDatabase());
        await using var harness = new SequencerHarness(new SequencerOptions { CollectionWindow = TimeSpan.Zero, HeartbeatInterval = TimeSpan.Zero }, database);
        database.FailNextCommit = true;
        harness.Sequencer.Start();
        var first = Transfer(AliceKey, 0, Carol);
        harness.Submit(first);

        Assert.True(SpinWait.SpinUntil(() => !database.FailNextCommit, SequencerHarness.Bound));
        Assert.Equal(0UL, harness.Store.Head.Number);
        Assert.True(harness.Pool.TryGetTransaction(first.Hash, out _));

        var second = Transfer(AliceKey, 1, Carol);
        harness.Submit(second);
        Assert.Equal([first.Hash, second.Hash], harness.WaitForHead(1).Transactions.Select(t => t.Hash));
    }

    [Fact]
    public async Task Pool_failure_after_a_block_is_stored_still_announces_it_and_production_goes_on()
    {
        var admission = new BreakableAdmission();
        await using var harness = new SequencerHarness(
            new SequencerOptions { CollectionWindow = TimeSpan.Zero, HeartbeatInterval = TimeSpan.Zero, MaxTransactionsPerBlock = 1 },
            admission: admission);
        harness.Submit(Transfer(AliceKey, 0, Carol), Transfer(AliceKey, 1, Carol));

        // Alice's second transfer stays pooled, so the pool's head update asks the admission port again, and it throws.
        admission.Broken = true;
        harness.Sequencer.Start();
        Assert.Single(harness.WaitForHead(1).Transactions);
        Assert.True(SpinWait.SpinUntil(() => admission.Failures > 0, SequencerHarness.Bound));
        admission.Broken = false;

        harness.Submit(Transfer(BobKey, 0, Carol));
        harness.WaitForHead(2);
        Assert.True(harness.Sequencer.IsRunning);
    }

    [Fact]
    public async Task Throwing_subscriber_does_not_stop_production()
    {
        await using var harness = new SequencerHarness(new SequencerOptions { CollectionWindow = TimeSpan.Zero, HeartbeatInterval = TimeSpan.Zero });
        harness.Sequencer.NewHead += (_, _) => throw new InvalidOperationException("subscriber bug");
        harness.Sequencer.Start();

        harness.Submit(Transfer(AliceKey, 0, Carol));
        harness.WaitForHead(1);
        harness.Submit(Transfer(AliceKey, 1, Carol));
        harness.WaitForHead(2);

        Assert.Equal(2, harness.Heads.Count);
    }

    [Fact]
    public async Task Transactions_below_the_base_fee_stay_pooled_while_others_are_mined()
    {
        await using var harness = new SequencerHarness(new SequencerOptions { CollectionWindow = TimeSpan.Zero, HeartbeatInterval = TimeSpan.Zero });
        var cheap = ChainHarness.Transfer(BobKey, 0, Carol, Nectar.Core.Numerics.UInt256.One, maxFee: 1);
        var result = harness.Pool.Submit(Nectar.Core.Transactions.TransactionCodec.Encode(cheap));
        Assert.True(result.IsAccepted, result.Message);
        harness.Sequencer.Start();
        harness.Submit(Transfer(AliceKey, 0, Carol));

        Assert.Single(harness.WaitForHead(1).Transactions);
        Assert.True(harness.Pool.TryGetTransaction(cheap.Hash, out _));
    }

    [Fact]
    public void Options_are_validated()
    {
        var error = Assert.Throws<ArgumentException>(() => new SequencerOptions
        {
            CollectionWindow = TimeSpan.FromSeconds(-1),
            HeartbeatInterval = TimeSpan.FromSeconds(-1),
            MaxTransactionsPerBlock = 0,
            ExtraData = new byte[33],
        }.Validate());

        foreach (var name in new[] { "CollectionWindow", "HeartbeatInterval", "MaxTransactionsPerBlock", "ExtraData" })
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }

        new SequencerOptions().Validate();
        Assert.Equal(TimeSpan.FromMilliseconds(50), new SequencerOptions().CollectionWindow);
        Assert.Equal(TimeSpan.FromSeconds(12), new SequencerOptions().HeartbeatInterval);
    }

    [Fact]
    public async Task Coinbase_and_extra_data_go_into_every_header()
    {
        var coinbase = Address.Parse("0x00000000000000000000000000000000000000c0");
        await using var harness = new SequencerHarness(new SequencerOptions { HeartbeatInterval = TimeSpan.Zero, Coinbase = coinbase, ExtraData = "nectar"u8.ToArray() });

        var block = Assert.Single(await harness.Sequencer.MineAsync());

        Assert.Equal(coinbase, block.Header.Beneficiary);
        Assert.Equal("nectar"u8.ToArray(), block.Header.ExtraData.ToArray());
    }

    private sealed class BreakableAdmission : Nectar.Chain.Admission.ITransactionAdmission
    {
        private int _failures;

        public volatile bool Broken;

        public int Failures => Volatile.Read(ref _failures);

        public bool DependsOn(Address account) => true;

        public Nectar.Chain.Admission.AdmissionDecision Check(Address sender, Nectar.Core.Transactions.Transaction transaction)
        {
            if (Broken)
            {
                Interlocked.Increment(ref _failures);
                throw new InvalidOperationException("registry unreachable");
            }

            return Nectar.Chain.Admission.AdmissionDecision.Allowed;
        }
    }
}
