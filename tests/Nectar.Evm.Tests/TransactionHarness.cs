using System.Collections.Immutable;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Crypto.Signing;
using Nectar.Evm.Tracing;
using Nectar.State;

namespace Nectar.Evm.Tests;

/// <summary>Signed transactions through a <see cref="TransactionProcessor"/> over a fresh world state.</summary>
internal sealed class TransactionHarness
{
    public static readonly byte[] AliceKey = Hex.Decode("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
    public static readonly byte[] BobKey = Hex.Decode("0x41f6e321b31e72173f8ff2e292359e1862f24fba42fe6f97efaf641980eff298");
    public static readonly TransactionSigner Signer = new(EvmHarness.Secp256k1);
    public static readonly Address Alice = Signer.AddressOf(AliceKey);
    public static readonly Address Bob = Signer.AddressOf(BobKey);
    public static readonly Address Coinbase = EvmHarness.Make(0xCB);
    public static readonly UInt256 Ether = UInt256.Parse("1000000000000000000");

    public TransactionHarness(Fork fork = Fork.Prague)
    {
        Spec = ForkSpec.For(fork);
        World = new WorldState(EmptyStateReader.Instance);
        World.AddBalance(Alice, Ether);
        World.CommitTransaction(true);
        Block = new BlockContext { Coinbase = Coinbase, Number = 10, Timestamp = 100, GasLimit = 30_000_000, BaseFee = 7, ChainId = 1 };
    }

    public ForkSpec Spec { get; }

    public WorldState World { get; }

    public BlockContext Block { get; }

    public void Deploy(Address at, byte[] code)
    {
        World.SetCode(at, code);
        World.SetNonce(at, 1);
        World.CommitTransaction(true);
    }

    public Transaction Sign(Transaction transaction, byte[]? key = null) => Signer.Sign(transaction, key ?? AliceKey);

    public static Transaction Call(Address? to, ulong nonce = 0, ulong gas = 100_000, UInt256 value = default, byte[]? data = null,
        ImmutableArray<Authorization> authorizations = default) => new()
        {
            Type = authorizations.IsDefaultOrEmpty ? TransactionType.DynamicFee : TransactionType.SetCode,
            ChainId = 1,
            Nonce = nonce,
            MaxFeePerGas = 10,
            MaxPriorityFeePerGas = 2,
            GasLimit = gas,
            To = to,
            Value = value,
            Data = data ?? [],
            AuthorizationList = authorizations,
        };

    public TransactionResult Execute(Transaction transaction, Address? sender = null, ITxTracer? tracer = null)
    {
        var processor = new TransactionProcessor(Spec, Block, World, EvmHarness.Secp256k1);
        return processor.Execute(transaction, sender ?? Alice, tracer);
    }

    public Authorization Authorize(Address target, ulong nonce, byte[]? key = null, ulong chainId = 1) =>
        Signer.SignAuthorization(new UInt256(chainId), target, nonce, key ?? BobKey);
}
