using System.Buffers.Binary;
using System.Text;
using Nectar.Chain.Genesis;
using Nectar.Contracts;
using Nectar.Contracts.Abi;
using Nectar.Contracts.Storage;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Crypto;
using Nectar.Crypto.Signing;

namespace Nectar.Benchmarks.VsAnvil.Scenario;

/// <summary>
/// Everything both nodes are given, fixed so that a run is reproducible: the chain id, fork, genesis allocation and
/// header fields, the next block's timestamp and coinbase, and the pre-signed transactions. Nothing here depends on
/// the clock or on randomness; the sender's key and the recipients are derived from fixed labels.
/// </summary>
internal sealed class BenchmarkScenario
{
    /// <summary>The chain id both nodes use and every transaction is signed for.</summary>
    public const ulong ChainId = 4_242;

    /// <summary>Anvil's name of <see cref="Spec"/>.</summary>
    public const string AnvilHardfork = "cancun";

    /// <summary>The genesis timestamp.</summary>
    public const ulong GenesisTimestamp = 1_700_000_000;

    /// <summary>The timestamp of every measured block (block 1).</summary>
    public const ulong BlockTimestamp = GenesisTimestamp + 12;

    /// <summary>The block gas limit: far above any workload, so no transaction is left out.</summary>
    public const ulong GasLimit = 1_000_000_000;

    /// <summary>Token units moved by each transfer.</summary>
    public const ulong TransferAmount = 1;

    /// <summary>Gas limit of each transfer: above the ~51,600 a transfer to a fresh recipient uses.</summary>
    public const ulong TransferGasLimit = 60_000;

    /// <summary>Gas each benchmark call is given (eth_call on anvil, the interpreter on Nectar).</summary>
    public const ulong CallGasLimit = 100_000_000;

    /// <summary>
    /// The fork of both nodes. Cancun rather than Prague: in Prague anvil's genesis holds the EIP-2935 history
    /// contract and each block stores the parent's hash in it, and anvil's genesis header carries the empty state
    /// root instead of its allocation's, so no other node can reproduce that hash and the state roots could never
    /// agree. In Cancun neither genesis holds the EIP-4788 contract, so the block-start system call changes nothing
    /// on either side. The workloads use no Prague-only instruction, and the EIP-7623 calldata floor never binds for
    /// them, so their gas is the same under both forks.
    /// </summary>
    public static readonly ForkSpec Spec = ForkSpec.For(Fork.Cancun);

    /// <summary>The base fee of the genesis block (block 1's follows from it by EIP-1559).</summary>
    public static readonly UInt256 GenesisBaseFee = new(1_000_000_000);

    /// <summary>The priority fee every transaction offers.</summary>
    public static readonly UInt256 PriorityFee = new(1_000_000_000);

    /// <summary>The fee cap every transaction sets.</summary>
    public static readonly UInt256 MaxFee = new(3_000_000_000);

    /// <summary>The fee recipient of genesis and of the measured block.</summary>
    public static readonly Address Coinbase = Address.Parse("0x000000000000000000000000000000000000c0de");

    /// <summary>Where the ERC-20 token lives (deployed code in the genesis allocation).</summary>
    public static readonly Address Token = Address.Parse("0x0000000000000000000000000000000000e2c020");

    /// <summary>Where <c>KeccakLoop</c> lives.</summary>
    public static readonly Address KeccakLoop = Address.Parse("0x00000000000000000000000000000000000ecc00");

    /// <summary>Where <c>Compute</c> lives.</summary>
    public static readonly Address Compute = Address.Parse("0x000000000000000000000000000000000c0c0c00");

    private static readonly UInt256 SenderBalance = UInt256.Parse("1000000000000000000000000");
    private static readonly UInt256 TokenSupply = UInt256.Parse("1000000000000000000000000000000");

    private readonly byte[] _senderKey;
    private readonly TransactionSigner _signer;

    /// <summary>Creates the scenario.</summary>
    /// <param name="secp256k1">The curve, for signing.</param>
    public BenchmarkScenario(ISecp256k1 secp256k1)
    {
        _signer = new TransactionSigner(secp256k1);
        _senderKey = Keccak256.Compute("nectar-vs-anvil sender"u8).ToArray();
        Sender = _signer.AddressOf(_senderKey);
        Genesis = CreateGenesis(Sender);
    }

    /// <summary>The one externally owned account: it pays every fee and holds the whole token supply.</summary>
    public Address Sender { get; }

    /// <summary>The genesis allocation and header fields.</summary>
    public GenesisSpec Genesis { get; }

    /// <summary>Call data of <c>KeccakLoop.run(iterations)</c>.</summary>
    /// <param name="iterations">The number of chained hashes.</param>
    /// <returns>The call data.</returns>
    public static byte[] KeccakLoopCall(ulong iterations) =>
        ContractArtifacts.KeccakLoop.Abi.GetFunction("run").EncodeCall(AbiValue.FromUInt(iterations));

    /// <summary>Call data of <c>Compute.run(n)</c>.</summary>
    /// <param name="n">The size of the sieve, sort and mix.</param>
    /// <returns>The call data.</returns>
    public static byte[] ComputeCall(ulong n) =>
        ContractArtifacts.Compute.Abi.GetFunction("run").EncodeCall(AbiValue.FromUInt(n));

    /// <summary>The recipient of transfer <paramref name="index"/>: an address that has never held the token.</summary>
    /// <param name="index">The transfer's index.</param>
    /// <returns>The address, from a hash of a fixed label and the index.</returns>
    public static Address Recipient(int index)
    {
        Span<byte> seed = stackalloc byte[32];
        "nectar-vs-anvil recipient"u8.CopyTo(seed);
        BinaryPrimitives.WriteInt32BigEndian(seed[28..], index);
        var hash = Keccak256.Compute(seed);
        return new Address(hash.Bytes[12..]);
    }

    /// <summary>
    /// Signs <paramref name="count"/> ERC-20 transfers from <see cref="Sender"/>, nonces 0 to count - 1, one token
    /// unit each to a fresh recipient, and returns their canonical encodings (what eth_sendRawTransaction takes).
    /// </summary>
    /// <param name="count">How many transfers.</param>
    /// <returns>The encoded, signed transactions in nonce order.</returns>
    public byte[][] SignTransfers(int count)
    {
        var transfer = ContractArtifacts.Erc20.Abi.GetFunction("transfer");
        var encoded = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var data = transfer.EncodeCall(AbiValue.FromAddress(Recipient(i)), AbiValue.FromUInt(TransferAmount));
            encoded[i] = Sign((ulong)i, Token, data, TransferGasLimit);
        }

        return encoded;
    }

    /// <summary>Signs one call from <see cref="Sender"/> and returns its canonical encoding.</summary>
    /// <param name="nonce">The sender's nonce.</param>
    /// <param name="to">The contract.</param>
    /// <param name="data">The call data.</param>
    /// <param name="gasLimit">The gas limit.</param>
    /// <returns>The encoded, signed transaction.</returns>
    public byte[] Sign(ulong nonce, Address to, byte[] data, ulong gasLimit)
    {
        var unsigned = new Transaction
        {
            Type = TransactionType.DynamicFee,
            ChainId = new UInt256(ChainId),
            Nonce = nonce,
            MaxPriorityFeePerGas = PriorityFee,
            MaxFeePerGas = MaxFee,
            GasLimit = gasLimit,
            To = to,
            Data = data,
        };
        return TransactionCodec.Encode(_signer.Sign(unsigned, _senderKey));
    }

    private static GenesisSpec CreateGenesis(Address sender)
    {
        var erc20 = ContractArtifacts.Erc20;
        var layout = erc20.StorageLayout;
        var tokenStorage = new List<StorageEntry>
        {
            new(StorageSlots.MappingSlot(sender, layout.GetVariable("_balances").Slot), TokenSupply),
            new(layout.GetVariable("_totalSupply").Slot, TokenSupply),
        };
        StorageSlots.AppendBytes(layout.GetVariable("_name").Slot, Encoding.UTF8.GetBytes("Nectar Bench"), tokenStorage);
        StorageSlots.AppendBytes(layout.GetVariable("_symbol").Slot, Encoding.UTF8.GetBytes("NBT"), tokenStorage);

        var alloc = new Dictionary<Address, GenesisAccount>
        {
            [sender] = new GenesisAccount { Balance = SenderBalance },
            [Token] = Deployed(erc20, tokenStorage),
            [KeccakLoop] = Deployed(ContractArtifacts.KeccakLoop, []),
            [Compute] = Deployed(ContractArtifacts.Compute, []),
        };
        return new GenesisSpec
        {
            Alloc = alloc,
            Timestamp = GenesisTimestamp,
            GasLimit = GasLimit,
            Coinbase = Coinbase,
            BaseFeePerGas = GenesisBaseFee,
        };
    }

    /// <summary>A contract as a creation would have left it: its runtime code, nonce 1 (EIP-161) and its storage.</summary>
    private static GenesisAccount Deployed(ContractArtifact artifact, List<StorageEntry> storage)
    {
        var slots = new Dictionary<UInt256, UInt256>();
        foreach (var entry in storage)
        {
            slots[entry.Slot] = entry.Value;
        }

        return new GenesisAccount { Nonce = 1, Code = artifact.DeployedBytecode, Storage = slots };
    }
}
