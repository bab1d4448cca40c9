using Nectar.Chain.Building;
using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Storage;
using Nectar.Contracts;
using Nectar.Contracts.Abi;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Crypto.Secp256k1;

namespace Nectar.Benchmarks.Chain;

/// <summary>
/// The workload of the block-processing benchmarks and of the comparison with anvil: a Prague chain whose block 1
/// deploys the solc-compiled <c>contracts/bench/Erc20.sol</c> (the whole supply to one holder), and a block 2 of
/// <see cref="Transfers"/> transfers from that holder, each to a fresh recipient, pre-signed with senders recovered.
/// Every transfer reads and writes the holder's balance, creates the recipient's balance slot and logs Transfer.
/// </summary>
internal sealed class Erc20Block
{
    public const int Transfers = 5_000;
    public const ulong GasLimit = 1_000_000_000;
    public const ulong ChainId = 1;

    public static readonly Address Coinbase = Address.Parse("0x00000000000000000000000000000000000000cb");
    private static readonly byte[] HolderKey = Convert.FromHexString("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");

    public Erc20Block()
    {
        Secp256k1 = new LibSecp256k1();
        Processor = new BlockProcessor(Secp256k1, ChainId);
        Spec = ForkSpec.For(Fork.Prague);
        var holder = Processor.Signer.AddressOf(HolderKey);
        State = StoreChainState.CreateInMemory();
        var genesis = GenesisBuilder.Build(
            new GenesisSpec
            {
                Alloc = new Dictionary<Address, GenesisAccount> { [holder] = new() { Balance = UInt256.Parse("1000000000000000000000000") } },
                Timestamp = 1_700_000_000,
                GasLimit = GasLimit,
                BaseFeePerGas = 1_000_000_000,
            },
            Spec,
            State);

        var artifact = ContractArtifacts.Erc20;
        var deployment = Sign(0, null, artifact.CreateDeploymentData(AbiValue.FromString("Bench"), AbiValue.FromString("BNC"), AbiValue.FromUInt(UInt256.Parse("1000000000000000000000000000"))), 2_000_000);
        var deployed = Build(genesis.Header, [deployment]);
        Token = deployed.Execution.TransactionResults[0].ContractAddress!.Value;
        Parent = deployed.Block.Header;

        var transfer = AbiFunction.Parse("transfer(address,uint256)");
        TransferTransactions = new Transaction[Transfers];
        for (var i = 0; i < Transfers; i++)
        {
            var recipient = Address.Create(holder, (ulong)i + 1_000_000);
            var data = transfer.EncodeCall(AbiValue.FromAddress(recipient), AbiValue.FromUInt(1_000 + (ulong)i));
            TransferTransactions[i] = Sign((ulong)i + 1, Token, data, 100_000);
        }

        Processor.Signer.RecoverSenders(TransferTransactions);
    }

    public LibSecp256k1 Secp256k1 { get; }

    public BlockProcessor Processor { get; }

    public ForkSpec Spec { get; }

    /// <summary>The state, at <see cref="Parent"/> between measurements.</summary>
    public StoreChainState State { get; }

    public Address Token { get; }

    /// <summary>Block 1, which deployed the token.</summary>
    public BlockHeader Parent { get; }

    public Transaction[] TransferTransactions { get; }

    public BlockBuildRequest Request => new() { Parent = Parent, Spec = Spec, Timestamp = Parent.Timestamp + 12, Coinbase = Coinbase };

    /// <summary>Builds the next block on the state and leaves the state at it.</summary>
    public BuiltBlock Build(BlockHeader parent, IEnumerable<Transaction> transactions) =>
        new BlockBuilder(Processor).Build(new BlockBuildRequest { Parent = parent, Spec = Spec, Timestamp = parent.Timestamp + 12, Coinbase = Coinbase }, transactions, State);

    private Transaction Sign(ulong nonce, Address? to, byte[] data, ulong gas) => Processor.Signer.Sign(
        new Transaction
        {
            Type = TransactionType.DynamicFee,
            ChainId = ChainId,
            Nonce = nonce,
            MaxFeePerGas = 10_000_000_000,
            MaxPriorityFeePerGas = 1_000_000_000,
            GasLimit = gas,
            To = to,
            Data = data,
        },
        HolderKey);
}
