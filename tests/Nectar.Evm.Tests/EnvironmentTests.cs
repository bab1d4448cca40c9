using System.Globalization;
using System.Text;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Evm.Execution;

namespace Nectar.Evm.Tests;

public sealed class EnvironmentTests
{
    private sealed class DecimalHashes : IBlockHashProvider
    {
        public Hash256 GetBlockHash(ulong number) => Keccak256.Compute(Encoding.ASCII.GetBytes(number.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Context_instructions_read_the_call_transaction_and_block()
    {
        var harness = new EvmHarness();
        var randao = new Hash256(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var blob = new Hash256(Enumerable.Repeat((byte)0x01, 32).ToArray());
        harness.Block = new BlockContext
        {
            Coinbase = EvmHarness.Coinbase, Number = 1_000, Timestamp = 1_234, GasLimit = 30_000_000, BaseFee = 7,
            PrevRandao = randao, BlobBaseFee = 3, ChainId = 5, BlockHashes = new DecimalHashes(),
        };
        harness.Transaction = new TransactionContext { Origin = EvmHarness.Sender, GasPrice = 11, BlobVersionedHashes = [blob] };
        var code = new Asm();
        var slot = 0UL;
        foreach (var op in new[]
        {
            Opcode.ADDRESS, Opcode.ORIGIN, Opcode.CALLER, Opcode.CALLVALUE, Opcode.CALLDATASIZE, Opcode.CODESIZE, Opcode.GASPRICE,
            Opcode.COINBASE, Opcode.TIMESTAMP, Opcode.NUMBER, Opcode.PREVRANDAO, Opcode.GASLIMIT, Opcode.CHAINID,
            Opcode.SELFBALANCE, Opcode.BASEFEE, Opcode.BLOBBASEFEE,
        })
        {
            code.Op(op).StoreTop(slot++);
        }

        code.Push(0).Op(Opcode.BLOBHASH).StoreTop(slot++);
        code.Push(1).Op(Opcode.BLOBHASH).StoreTop(slot++);
        code.Push(999).Op(Opcode.BLOCKHASH).StoreTop(slot++);
        code.Push(1_000).Op(Opcode.BLOCKHASH).StoreTop(slot++);
        code.Push(743).Op(Opcode.BLOCKHASH).StoreTop(slot++);
        code.Push(1).Op(Opcode.CALLDATALOAD).StoreTop(slot++);
        var bytecode = code.Build();
        harness.Deploy(EvmHarness.Contract, bytecode, balance: 77);

        var input = new byte[33];
        input[32] = 0xAB;
        var result = harness.Call(EvmHarness.Contract, gas: 2_000_000, value: 5, input: input);
        Assert.True(result.Success);

        UInt256 At(ulong key) => harness.Storage(EvmHarness.Contract, key);
        Assert.Equal(Words.FromAddress(EvmHarness.Contract), At(0));
        Assert.Equal(Words.FromAddress(EvmHarness.Sender), At(1));
        Assert.Equal(Words.FromAddress(EvmHarness.Sender), At(2));
        Assert.Equal(new UInt256(5), At(3));
        Assert.Equal(new UInt256(33), At(4));
        Assert.Equal(new UInt256((ulong)bytecode.Length), At(5));
        Assert.Equal(new UInt256(11), At(6));
        Assert.Equal(Words.FromAddress(EvmHarness.Coinbase), At(7));
        Assert.Equal(new UInt256(1_234), At(8));
        Assert.Equal(new UInt256(1_000), At(9));
        Assert.Equal(Words.FromHash(randao), At(10));
        Assert.Equal(new UInt256(30_000_000), At(11));
        Assert.Equal(new UInt256(5), At(12));
        Assert.Equal(new UInt256(82), At(13));
        Assert.Equal(new UInt256(7), At(14));
        Assert.Equal(new UInt256(3), At(15));
        Assert.Equal(Words.FromHash(blob), At(16));
        Assert.Equal(UInt256.Zero, At(17));
        Assert.Equal(Words.FromHash(Keccak256.Compute("999"u8)), At(18));
        Assert.Equal(UInt256.Zero, At(19));
        Assert.Equal(UInt256.Zero, At(20));

        // CALLDATALOAD past the end reads zeros: byte 1..32 of the input, the last of which is 0xAB.
        Assert.Equal(new UInt256(0xAB), At(21));
    }

    [Fact]
    public void Difficulty_is_read_before_the_Merge()
    {
        var harness = new EvmHarness(Fork.London);
        harness.Block = new BlockContext { Coinbase = EvmHarness.Coinbase, Number = 1, GasLimit = 1, Difficulty = 131_072 };
        var result = harness.Run(new Asm().Op(Opcode.PREVRANDAO).ReturnTop());

        Assert.Equal(new UInt256(131_072), EvmHarness.Word(result.Output));
    }

    [Fact]
    public void Copy_instructions_pad_with_zeros_past_the_source()
    {
        var harness = new EvmHarness();
        var code = new Asm()
            .Push(64).Push(0).Push(0).Op(Opcode.CALLDATACOPY)
            .Push(0).Op(Opcode.MLOAD).StoreTop(0)
            .Push(32).Op(Opcode.MLOAD).StoreTop(1)
            .Push(32).Push(100_000).Push(64).Op(Opcode.CODECOPY)
            .Push(64).Op(Opcode.MLOAD).StoreTop(2);
        harness.Deploy(EvmHarness.Contract, code);

        var input = new byte[33];
        input[31] = 1;
        input[32] = 2;
        harness.Call(EvmHarness.Contract, input: input);

        Assert.Equal(UInt256.One, harness.Storage(EvmHarness.Contract, 0));
        Assert.Equal(UInt256.Parse("0x0200000000000000000000000000000000000000000000000000000000000000"), harness.Storage(EvmHarness.Contract, 1));
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Contract, 2));
    }

    [Fact]
    public void Keccak256_hashes_the_memory_range_and_charges_6_gas_per_word()
    {
        var harness = new EvmHarness();
        var code = new Asm().MStore(0, 0x1234).Push(32).Push(0).Op(Opcode.KECCAK256).ReturnTop();
        var result = harness.Run(code, gas: 100_000);

        var word = new UInt256(0x1234).ToBigEndian();
        Assert.Equal(Words.FromHash(Keccak256.Compute(word)), EvmHarness.Word(result.Output));
    }

    [Fact]
    public void Mcopy_handles_overlapping_ranges()
    {
        var code = new Asm()
            .MStore(0, UInt256.Parse("0x0102030405060708091011121314151617181920212223242526272829303132"))
            .Push(8).Push(0).Push(4).Op(Opcode.MCOPY)
            .Push(0).Op(Opcode.MLOAD).ReturnTop();
        var result = new EvmHarness().Run(code);

        Assert.Equal(
            UInt256.Parse("0x0102030401020304050607081314151617181920212223242526272829303132"),
            EvmHarness.Word(result.Output));
    }

    [Fact]
    public void Transient_storage_lasts_for_the_transaction_only()
    {
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Contract, new Asm().Push(0).Op(Opcode.TLOAD).StoreTop(1).Push(7).Push(0).Op(Opcode.TSTORE).Push(0).Op(Opcode.TLOAD).StoreTop(2));

        harness.Call(EvmHarness.Contract);
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Contract, 1));
        Assert.Equal(new UInt256(7), harness.Storage(EvmHarness.Contract, 2));
        harness.World.CommitTransaction(true);

        harness.Call(EvmHarness.Contract);
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Contract, 1));
    }

    [Fact]
    public void Log_records_address_topics_and_data_and_charges_375_per_topic_and_8_per_byte()
    {
        var harness = new EvmHarness();
        var code = new Asm().MStore(0, 0xCAFE).Push(0xB).Push(0xA).Push(2).Push(30).Op(Opcode.LOG2, Opcode.STOP);
        var result = harness.Run(code, gas: 100_000);

        var log = Assert.Single(harness.World.Logs);
        Assert.Equal(EvmHarness.Contract, log.Address);
        Assert.Equal([Words.ToHash(new UInt256(0xA)), Words.ToHash(new UInt256(0xB))], log.Topics.ToArray());
        Assert.Equal(new byte[] { 0xCA, 0xFE }, log.Data.ToArray());
        var mstore = 3 + 3 + 3 + 3;
        Assert.Equal(mstore + (4 * 3) + 375 + (2 * 375) + (2 * 8), 100_000 - result.GasLeft);
    }

    [Fact]
    public void Extcodehash_is_zero_for_a_dead_account_and_the_empty_hash_for_a_live_one_without_code()
    {
        var harness = new EvmHarness();
        harness.World.AddBalance(EvmHarness.Third, 1);
        harness.World.CommitTransaction(true);
        var code = new Asm()
            .Push(EvmHarness.Other).Op(Opcode.EXTCODEHASH).StoreTop(0)
            .Push(EvmHarness.Third).Op(Opcode.EXTCODEHASH).StoreTop(1);
        harness.Run(code);

        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Contract, 0));
        Assert.Equal(Words.FromHash(Keccak256.OfEmpty), harness.Storage(EvmHarness.Contract, 1));
    }
}
