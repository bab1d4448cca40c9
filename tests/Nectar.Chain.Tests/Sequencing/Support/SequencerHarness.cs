using Nectar.Chain.Admission;
using Nectar.Chain.Persistence;
using Nectar.Chain.Reading;
using Nectar.Chain.Sequencing;
using Nectar.Chain.Tests.Persistence.Support;
using Nectar.Chain.Tests.TxPool.Support;
using Nectar.Chain.TxPool;
using Nectar.Core.Blocks;
using Nectar.Core.Transactions;
using Nectar.Db;
using Nectar.Tests;

namespace Nectar.Chain.Tests.Sequencing.Support;

/// <summary>A sequencer over an in-memory chain store and a real pool, driven by a manual clock.</summary>
internal sealed class SequencerHarness : IAsyncDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly List<NewHeadEventArgs> _heads = [];

    public SequencerHarness(SequencerOptions? options = null, IDatabase? database = null, DateTimeOffset? start = null, ITransactionAdmission? admission = null)
    {
        Database = database ?? StoreHarness.NewMemoryDatabase();
        Store = StoreHarness.Open(Database);
        Clock = new ManualTimeProvider(start ?? DateTimeOffset.FromUnixTimeSeconds((long)ChainHarness.GenesisTimestamp + 100));
        var head = Store.Head;
        Pool = new TransactionPool(
            new TxPoolOptions { ChainId = ChainHarness.ChainId, Spec = Store.Forks.At(head.Timestamp + 1), BlockGasLimit = head.GasLimit },
            ChainHarness.Signer,
            new HeadPoolStateReader(Store),
            admission ?? Admission);
        Sequencer = new Sequencer(Store, Pool, StoreHarness.Processor, options ?? new SequencerOptions { HeartbeatInterval = TimeSpan.Zero }, Clock);
        Sequencer.NewHead += (_, e) =>
        {
            lock (_heads)
            {
                _heads.Add(e);
            }
        };
    }

    public IDatabase Database { get; }

    public ChainStore Store { get; }

    public ManualTimeProvider Clock { get; }

    public FakeAdmission Admission { get; } = new();

    public TransactionPool Pool { get; }

    public Sequencer Sequencer { get; }

    /// <summary>Every NewHead raised so far.</summary>
    public IReadOnlyList<NewHeadEventArgs> Heads
    {
        get
        {
            lock (_heads)
            {
                return [.. _heads];
            }
        }
    }

    public void Submit(params Transaction[] transactions)
    {
        foreach (var transaction in transactions)
        {
            var result = Pool.Submit(TransactionCodec.Encode(transaction));
            Assert.True(result.IsAccepted, result.Message);
        }
    }

    /// <summary>Waits (bounded, without sleeping) until a block with this number was announced: stored, pool updated, NewHead raised.</summary>
    public Block WaitForHead(ulong number)
    {
        Assert.True(SpinWait.SpinUntil(() => Heads.Any(h => h.Block.Number >= number), Bound), $"the head stayed at {Store.Head.Number}, below {number}");
        return Store.FindBlock(number)!;
    }

    /// <summary>Waits (bounded) until the sequencer has a timer pending: it is in its collection window or waiting for the heartbeat.</summary>
    public void WaitForTimer(int count = 1) =>
        Assert.True(SpinWait.SpinUntil(() => Clock.ActiveTimers >= count, Bound), "the sequencer set no timer");

    public async ValueTask DisposeAsync()
    {
        await Sequencer.DisposeAsync();
        Database.Dispose();
    }
}
