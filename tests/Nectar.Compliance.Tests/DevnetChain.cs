using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Storage;
using Nectar.Chain.Tree;
using Nectar.Compliance.Registry;
using Nectar.Contracts;
using Nectar.Contracts.Abi;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Crypto.Keys;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;

namespace Nectar.Compliance.Tests;

/// <summary>A chain over an in-memory state built from a Nectar chain spec, with a registry reader on its head.</summary>
internal sealed class DevnetChain
{
    public static readonly LibSecp256k1 Secp256k1 = new();
    public static readonly TransactionSigner Signer = new(Secp256k1);
    public static readonly IReadOnlyList<DevKey> Keys = DevKeys.Derive();
    public static readonly Address Coinbase = Address.Parse("0x00000000000000000000000000000000000000cb");

    public DevnetChain(ChainSpec spec)
    {
        Spec = spec;
        State = StoreChainState.CreateInMemory();
        Chain = Blockchain.Create(new BlockProcessor(Secp256k1, spec.ChainId), spec.Forks, State, spec.Genesis);
        Registry = new AccountRegistryReader(State.Store);
        Admission = new RegistryTransactionAdmission(Registry);
    }

    public ChainSpec Spec { get; }

    public StoreChainState State { get; }

    public Blockchain Chain { get; }

    public AccountRegistryReader Registry { get; }

    public RegistryTransactionAdmission Admission { get; }

    public static Address Account(int index) => Keys[index].Address;

    /// <summary>Signs a call of the registry contract from dev account <paramref name="from"/>.</summary>
    public Transaction RegistryCall(int from, ulong nonce, string function, params AbiValue[] arguments) =>
        Signer.Sign(
            new Transaction
            {
                Type = TransactionType.DynamicFee,
                ChainId = Spec.ChainId,
                Nonce = nonce,
                MaxFeePerGas = 10_000_000_000,
                MaxPriorityFeePerGas = 1_000_000_000,
                GasLimit = 300_000,
                To = SystemContracts.AccountRegistry,
                Data = ContractArtifacts.AccountRegistry.Abi.GetFunction(function).EncodeCall(arguments),
            },
            Keys[from].ExportPrivateKey());

    public Transaction Transfer(int from, ulong nonce, Address to) =>
        Signer.Sign(
            new Transaction
            {
                Type = TransactionType.DynamicFee,
                ChainId = Spec.ChainId,
                Nonce = nonce,
                MaxFeePerGas = 10_000_000_000,
                MaxPriorityFeePerGas = 1_000_000_000,
                GasLimit = 21_000,
                To = to,
                Value = 1,
            },
            Keys[from].ExportPrivateKey());

    public Chain.Building.BuiltBlock Produce(params Transaction[] transactions) =>
        Chain.Produce(Chain.Head.Header.Timestamp + 12, Coinbase, transactions);
}
