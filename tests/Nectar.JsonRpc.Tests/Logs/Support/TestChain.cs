using Nectar.Chain;
using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Reading;
using Nectar.Chain.Storage;
using Nectar.Chain.Tree;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Evm;
using Nectar.State;

namespace Nectar.JsonRpc.Tests.Logs.Support;

/// <summary>
/// A real chain in memory (genesis, block building and execution over an in-memory state) that serves reads as the
/// node's store does and raises <see cref="NewHead"/> and <see cref="Reverted"/> as the sequencer does. Two emitter
/// contracts log <c>LOG2(EventTopic, calldata[0..32])</c> with <c>calldata[32..64]</c> as data.
/// </summary>
internal class TestChain : IChainReader, IChainEvents
{
    public const ulong ChainId = 1337;
    public const ulong GenesisTimestamp = 1_700_000_000;

    public static readonly Address EmitterA = Address.Parse("0x00000000000000000000000000000000000000a1");
    public static readonly Address EmitterB = Address.Parse("0x00000000000000000000000000000000000000b2");
    public static readonly Hash256 EventTopic = Hash256.Parse("0x1111111111111111111111111111111111111111111111111111111111111111");
    public static readonly Hash256 OtherEventTopic = Hash256.Parse("0x2222222222222222222222222222222222222222222222222222222222222222");

    private readonly Blockchain _chain;
    private readonly Dictionary<Address, ulong> _nonces = [];
    private readonly Lock _gate = new();

    public TestChain()
    {
        var forks = ForkSchedule.Single(ForkSpec.For(Fork.Prague));
        var ether = UInt256.Parse("1000000000000000000");
        var alloc = new Dictionary<Address, GenesisAccount>
        {
            [TestKey.Alice.Address] = new() { Balance = ether * 100 },
            [TestKey.Bob.Address] = new() { Balance = ether * 100 },
            [TestKey.Carol.Address] = new() { Balance = ether * 100 },
            [TestKey.Dave.Address] = new() { Balance = ether * 100 },
            [EmitterA] = new() { Nonce = 1, Code = EmitterCode(EventTopic) },
            [EmitterB] = new() { Nonce = 1, Code = EmitterCode(OtherEventTopic) },
        };
        var genesis = new GenesisSpec { Alloc = alloc, Timestamp = GenesisTimestamp, GasLimit = 30_000_000, BaseFeePerGas = 1_000_000_000 };
        _chain = Blockchain.Create(new BlockProcessor(TestKey.Secp256k1, ChainId), forks, StoreChainState.CreateInMemory(), genesis);
    }

    public event EventHandler<NewHeadEventArgs>? NewHead;

    public event EventHandler<ChainRevertedEventArgs>? Reverted;

    public BlockHeader Head => _chain.Head.Header;

    public BlockHeader Safe => Head;

    public BlockHeader Finalized => Head;

    public Block Genesis => _chain.Tree.Genesis;

    /// <summary>A signed call to an emitter: topic1 is <paramref name="topic"/>, the data is <paramref name="value"/> as a word.</summary>
    public Transaction Emit(TestKey from, Address emitter, Hash256 topic, ulong value = 0)
    {
        ulong nonce;
        lock (_gate)
        {
            nonce = _nonces.GetValueOrDefault(from.Address);
            _nonces[from.Address] = nonce + 1;
        }

        var data = new byte[64];
        topic.Bytes.CopyTo(data);
        new UInt256(value).ToBigEndian().CopyTo(data, 32);
        return TestKey.Signer.Sign(
            new Transaction
            {
                Type = TransactionType.DynamicFee,
                ChainId = ChainId,
                Nonce = nonce,
                MaxFeePerGas = 100_000_000_000,
                MaxPriorityFeePerGas = 1_000_000_000,
                GasLimit = 100_000,
                To = emitter,
                Data = data,
            },
            from.PrivateKey);
    }

    /// <summary>Builds a block of <paramref name="transactions"/> on the head and announces it.</summary>
    public Block Mine(params Transaction[] transactions)
    {
        var built = _chain.Produce(Head.Timestamp + 12, Address.Zero, transactions);
        Assert.Empty(built.Skipped);
        NewHead?.Invoke(this, new NewHeadEventArgs(built.Block, built.Execution.Receipts, SendersOf(built.Block)));
        return built.Block;
    }

    /// <summary>Builds <paramref name="count"/> empty blocks.</summary>
    public void MineEmpty(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Mine();
        }
    }

    /// <summary>Moves the head back to block <paramref name="number"/> and announces it, as a development revert does.</summary>
    public void RevertTo(ulong number)
    {
        var previous = Head.Number;
        var target = _chain.Tree.FindCanonicalBlock(number) ?? throw new ArgumentOutOfRangeException(nameof(number));
        _chain.SetHead(target.Hash);
        lock (_gate)
        {
            _nonces.Clear();
            foreach (var key in new[] { TestKey.Alice, TestKey.Bob, TestKey.Carol, TestKey.Dave })
            {
                _nonces[key.Address] = _chain.State.World.GetNonce(key.Address);
            }
        }

        Reverted?.Invoke(this, new ChainRevertedEventArgs(number, previous));
    }

    public BlockHeader? FindHeader(in Hash256 hash) => _chain.Tree.FindHeader(hash);

    public BlockHeader? FindHeader(ulong number) => _chain.Tree.FindCanonicalBlock(number)?.Header;

    public Block? FindBlock(in Hash256 hash) => _chain.Tree.FindBlock(hash);

    public Block? FindBlock(ulong number) => _chain.Tree.FindCanonicalBlock(number);

    public virtual IReadOnlyList<Receipt>? FindReceipts(in Hash256 blockHash) => _chain.Tree.FindReceipts(blockHash);

    public IReadOnlyList<Address>? FindSenders(in Hash256 blockHash) => FindBlock(blockHash) is { } block ? SendersOf(block) : null;

    public TransactionLocation? FindTransaction(in Hash256 transactionHash)
    {
        for (var number = Head.Number; ; number--)
        {
            var block = FindBlock(number)!;
            for (var i = 0; i < block.Transactions.Length; i++)
            {
                if (block.Transactions[i].Hash == transactionHash)
                {
                    return new TransactionLocation(block.Hash, number, i);
                }
            }

            if (number == 0)
            {
                return null;
            }
        }
    }

    public IStateReader? GetState(ulong number) => null;

    public StateProof? GetProof(ulong number, Address address, IReadOnlyList<UInt256> slots) => null;

    private static Address[] SendersOf(Block block) => [.. block.Transactions.Select(t => t.Sender ?? TestKey.Signer.RecoverSender(t))];

    /// <summary>mstore(0, calldata[32]); log2(0, 32, topic0, calldata[0]).</summary>
    private static byte[] EmitterCode(Hash256 topic0)
    {
        var code = new List<byte> { 0x60, 0x20, (byte)Opcode.CALLDATALOAD, 0x60, 0x00, (byte)Opcode.MSTORE, 0x60, 0x00, (byte)Opcode.CALLDATALOAD, (byte)Opcode.PUSH32 };
        code.AddRange(topic0.Bytes);
        code.AddRange([0x60, 0x20, 0x60, 0x00, (byte)Opcode.LOG2, (byte)Opcode.STOP]);
        return [.. code];
    }
}
