using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Nectar.Chain;
using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Simulation;
using Nectar.Chain.Storage;
using Nectar.Chain.Tree;
using Nectar.Chain.TxPool;
using Nectar.Core.Blocks;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;
using Nectar.JsonRpc.Debug;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Eth;
using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Tests.Eth.Support;

/// <summary>
/// A real chain in memory (genesis, block production, state store), a transaction pool over it, the eth and debug
/// modules over a reader of it, and a dispatcher that serves them as the HTTP server would.
/// </summary>
internal sealed class EthHarness
{
    public const ulong ChainId = 1337;
    public const ulong GenesisTimestamp = 1_700_000_000;

    public static readonly LibSecp256k1 Secp256k1 = new();
    public static readonly TransactionSigner Signer = new(Secp256k1);

    public static readonly byte[] AliceKey = Hex.Decode("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
    public static readonly byte[] BobKey = Hex.Decode("0x41f6e321b31e72173f8ff2e292359e1862f24fba42fe6f97efaf641980eff298");
    public static readonly byte[] CarolKey = Hex.Decode("0x8a1f9a8f95be41cd7ccb6168179afb4504aefe388d1e14474d32c45c72ce7b7a");
    public static readonly Address Alice = Signer.AddressOf(AliceKey);
    public static readonly Address Bob = Signer.AddressOf(BobKey);
    public static readonly Address Carol = Signer.AddressOf(CarolKey);
    public static readonly Address Auditor = Address.Parse("0x00000000000000000000000000000000000a0d17");
    public static readonly Address Operator = Address.Parse("0x000000000000000000000000000000000000000e");
    public static readonly Address Coinbase = Address.Parse("0x00000000000000000000000000000000000000cb");
    public static readonly UInt256 Ether = UInt256.Parse("1000000000000000000");

    public static readonly Hash256 LogTopic = Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000000000aa");

    /// <summary>Emits LOG1 with <see cref="LogTopic"/> and the word 0x2a.</summary>
    public static readonly Address Logger = Address.Parse("0x00000000000000000000000000000000000010c1");

    /// <summary>Returns slot 0 and stores its first calldata word there.</summary>
    public static readonly Address Swap = Address.Parse("0x0000000000000000000000000000000000005a09");

    /// <summary>Reverts with Error("nope").</summary>
    public static readonly Address Reverter = Address.Parse("0x0000000000000000000000000000000000005e01");

    /// <summary>Returns CALLER as a word.</summary>
    public static readonly Address Whoami = Address.Parse("0x0000000000000000000000000000000000005e02");

    /// <summary>Calls the Logger with all its gas and reverts when that call fails.</summary>
    public static readonly Address Forwarder = Address.Parse("0x0000000000000000000000000000000000005e03");

    public EthHarness(IReadAuthorizer? authorizer = null)
    {
        Forks = ForkSchedule.Single(ForkSpec.For(Fork.Prague));
        Processor = new BlockProcessor(Secp256k1, ChainId);
        State = StoreChainState.CreateInMemory();
        Chain = Blockchain.Create(Processor, Forks, State, Genesis());
        Reader = new InMemoryChainReader(Chain, State, Signer);
        var poolState = new StorePoolStateReader(State.Store);
        Pool = new TransactionPool(new TxPoolOptions { ChainId = ChainId, Spec = Forks.Genesis, BlockGasLimit = Chain.Head.Header.GasLimit }, Signer, poolState, poolState);
        Simulator = new CallSimulator(Reader, Forks, Processor);
        Authorizer = authorizer ?? DefaultReadAuthorizer.Instance;
        Eth = new EthRpcModule(Reader, Pool, Simulator, Authorizer);
        Debug = new DebugRpcModule(Reader, Simulator, Authorizer);
        Dispatcher = new RpcDispatcherBuilder()
            .AddModule<IEthRpcModule>(Eth).AddTypeInfoResolver(EthJsonContext.Default)
            .AddModule<IDebugRpcModule>(Debug).AddTypeInfoResolver(DebugJsonContext.Default)
            .Build();
    }

    public ForkSchedule Forks { get; }

    public BlockProcessor Processor { get; }

    public StoreChainState State { get; }

    public Blockchain Chain { get; }

    public InMemoryChainReader Reader { get; }

    public TransactionPool Pool { get; }

    public CallSimulator Simulator { get; }

    public IReadAuthorizer Authorizer { get; }

    public EthRpcModule Eth { get; }

    public DebugRpcModule Debug { get; }

    public RpcDispatcher Dispatcher { get; }

    public static RpcCallContext As(Address account, params string[] roles) =>
        new(RpcTransportKind.InProcess, new RpcPrincipal(account, "session-" + account, DateTimeOffset.UtcNow.AddHours(1)) { Roles = roles });

    public static RpcCallContext AsAlice => As(Alice, RoleNames.User);

    public static RpcCallContext AsBob => As(Bob, RoleNames.User);

    public static RpcCallContext AsCarol => As(Carol, RoleNames.User);

    public static RpcCallContext AsAuditor => As(Auditor, RoleNames.User, RoleNames.Auditor);

    public static RpcCallContext AsOperator => As(Operator, RoleNames.User, RoleNames.NodeOperator);

    public static Transaction DynamicFee(byte[] key, ulong nonce, Address? to, UInt256 value = default, byte[]? data = null, ulong gas = 100_000, ImmutableArray<AccessListItem> accessList = default) =>
        Signer.Sign(
            new Transaction
            {
                Type = TransactionType.DynamicFee,
                ChainId = ChainId,
                Nonce = nonce,
                MaxFeePerGas = 100_000_000_000,
                MaxPriorityFeePerGas = 2_000_000_000,
                GasLimit = gas,
                To = to,
                Value = value,
                Data = data ?? [],
                AccessList = accessList,
            },
            key);

    public static Transaction Typed(TransactionType type, byte[] key, ulong nonce, Address to, ImmutableArray<AccessListItem> accessList = default, ImmutableArray<Authorization> authorizations = default) =>
        Signer.Sign(
            new Transaction
            {
                Type = type,
                ChainId = ChainId,
                Nonce = nonce,
                GasPrice = 100_000_000_000,
                MaxFeePerGas = 100_000_000_000,
                MaxPriorityFeePerGas = type is TransactionType.DynamicFee or TransactionType.SetCode ? 1_000_000_000UL : 100_000_000_000UL,
                GasLimit = 100_000,
                To = to,
                AccessList = accessList,
                AuthorizationList = authorizations,
            },
            key);

    /// <summary>Submits through <c>eth_sendRawTransaction</c> as the signer's own session and checks it was accepted.</summary>
    public async Task<Hash256> SendAsync(Transaction signed, RpcCallContext context)
    {
        var response = await CallAsync("eth_sendRawTransaction", $"[\"{Hex.ToHexString(TransactionCodec.Encode(signed))}\"]", context);
        return Hash256.Parse(Result(response).GetString());
    }

    /// <summary>Builds a block from the pool's executable transactions, as the sequencer will, and tells the pool.</summary>
    public Block Mine()
    {
        var head = Chain.Head.Header;
        var baseFee = BaseFee.Next(head, Forks.At(head.Timestamp + 12)) ?? UInt256.Zero;
        var candidates = new List<Transaction>();
        Pool.TakeExecutable(baseFee, head.GasLimit, candidates);
        var built = Chain.Produce(head.Timestamp + 12, Coinbase, candidates);
        Assert.Empty(built.Skipped);
        Pool.OnNewHead(new PoolHeadUpdate { IncludedTransactions = built.Block.Transactions });
        return built.Block;
    }

    public async Task<string> RawAsync(string payload, RpcCallContext context)
    {
        using var output = new RpcBufferWriter(256);
        await Dispatcher.DispatchAsync(Encoding.UTF8.GetBytes(payload), context, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    public Task<string> RawCallAsync(string method, string paramsJson, RpcCallContext context) =>
        RawAsync($$"""{"jsonrpc":"2.0","id":7,"method":"{{method}}","params":{{paramsJson}}}""", context);

    public async Task<JsonElement> CallAsync(string method, string paramsJson, RpcCallContext context)
    {
        using var document = JsonDocument.Parse(await RawCallAsync(method, paramsJson, context));
        return document.RootElement.Clone();
    }

    public static JsonElement Result(JsonElement response)
    {
        Assert.True(response.TryGetProperty("result", out var result), "expected a result, got " + response);
        return result;
    }

    public static (int Code, string Message) Error(JsonElement response)
    {
        Assert.True(response.TryGetProperty("error", out var error), "expected an error, got " + response);
        return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
    }

    public static string Word(ulong value) => "0x" + value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] RevertData()
    {
        var data = new byte[100];
        Hex.Decode("0x08c379a0").CopyTo(data, 0);
        data[35] = 0x20;
        data[67] = 4;
        "nope"u8.CopyTo(data.AsSpan(68));
        return data;
    }

    private static GenesisSpec Genesis()
    {
        var zeros28 = new string('0', 56);
        var alloc = new Dictionary<Address, GenesisAccount>
        {
            [Alice] = new() { Balance = Ether * 100 },
            [Bob] = new() { Balance = Ether * 100 },
            [ProtocolContracts.BeaconRoots] = new() { Nonce = 1, Code = Hex.Decode("0x3373fffffffffffffffffffffffffffffffffffffffe14604d57602036146024575f5ffd5b5f35801560495762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281555f359062001fff015500") },
            [ProtocolContracts.HistoryStorage] = new() { Nonce = 1, Code = Hex.Decode("0x3373fffffffffffffffffffffffffffffffffffffffe14604657602036036042575f35600143038111604257611fff81430311604257611fff9006545f5260205ff35b5f5ffd5b5f35611fff60014303065500") },
            [Logger] = new() { Nonce = 1, Code = Hex.Decode("0x602a600052" + "7f" + Hex.ToHexString(LogTopic.Bytes, withPrefix: false) + "60206000a100") },
            [Swap] = new() { Nonce = 1, Code = Hex.Decode("0x60005460005260003560005560206000f3") },
            [Reverter] = new() { Nonce = 1, Code = Hex.Decode("0x7f08c379a0" + zeros28 + "600052" + "6020600452" + "6004602452" + "7f6e6f7065" + zeros28 + "604452" + "60646000fd") },
            [Whoami] = new() { Nonce = 1, Code = Hex.Decode("0x33600052" + "60206000f3") },
            [Forwarder] = new() { Nonce = 1, Code = Hex.Decode("0x60006000600060006000" + "73" + Hex.ToHexString(Logger.Bytes, withPrefix: false) + "5af1" + "602957" + "60006000fd" + "5b00") },
        };
        return new GenesisSpec { Alloc = alloc, Timestamp = GenesisTimestamp, GasLimit = 30_000_000, BaseFeePerGas = 1_000_000_000 };
    }
}
