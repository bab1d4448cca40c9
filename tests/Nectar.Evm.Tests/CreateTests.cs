using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Evm.Execution;

namespace Nectar.Evm.Tests;

public sealed class CreateTests
{
    private static readonly byte[] Runtime = new Asm().Push(0x2A).ReturnTop().Build();

    [Fact]
    public void Create_deploys_at_the_address_of_sender_and_nonce()
    {
        var harness = new EvmHarness();
        var init = Asm.Deployer(Runtime);
        harness.Deploy(EvmHarness.Contract, CreateFromMemory(init, Opcode.CREATE, salt: null));

        Assert.True(harness.Call(EvmHarness.Contract).Success);

        var expected = Address.Create(EvmHarness.Contract, 1);
        Assert.Equal(Words.FromAddress(expected), harness.Storage(EvmHarness.Contract, 0));
        Assert.Equal(Runtime, harness.World.GetCode(expected));
        Assert.Equal(1UL, harness.World.GetNonce(expected));
        Assert.Equal(2UL, harness.World.GetNonce(EvmHarness.Contract));
    }

    [Fact]
    public void Create2_deploys_at_the_salted_address()
    {
        var harness = new EvmHarness();
        var init = Asm.Deployer(Runtime);
        harness.Deploy(EvmHarness.Contract, CreateFromMemory(init, Opcode.CREATE2, salt: 7));

        Assert.True(harness.Call(EvmHarness.Contract).Success);

        var expected = Address.Create2(EvmHarness.Contract, Words.ToHash(new UInt256(7)), Keccak256.Compute(init));
        Assert.Equal(Words.FromAddress(expected), harness.Storage(EvmHarness.Contract, 0));
        Assert.Equal(Runtime, harness.World.GetCode(expected));
    }

    [Theory]
    [InlineData("nonce")]
    [InlineData("code")]
    [InlineData("storage")]
    public void Create2_onto_an_account_with_a_nonce_code_or_storage_collides(string what)
    {
        var harness = new EvmHarness();
        var init = Asm.Deployer(Runtime);
        var target = Address.Create2(EvmHarness.Contract, Words.ToHash(new UInt256(7)), Keccak256.Compute(init));
        switch (what)
        {
            case "nonce":
                harness.World.SetNonce(target, 1);
                break;
            case "code":
                harness.World.SetCode(target, [0x00]);
                break;
            default:
                harness.World.SetStorage(target, 1, 1);
                break;
        }

        harness.Deploy(EvmHarness.Contract, CreateFromMemory(init, Opcode.CREATE2, salt: 7));
        var result = harness.Call(EvmHarness.Contract, gas: 1_000_000);

        Assert.True(result.Success);
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Contract, 0));

        // A collision consumes the gas handed to the creation: all but 1/64 of what was left.
        Assert.True(result.GasLeft < 1_000_000 / 64);
    }

    [Fact]
    public void Create2_onto_an_account_with_only_a_balance_keeps_the_balance()
    {
        var harness = new EvmHarness();
        var init = Asm.Deployer(Runtime);
        var target = Address.Create2(EvmHarness.Contract, Words.ToHash(new UInt256(7)), Keccak256.Compute(init));
        harness.World.AddBalance(target, 99);
        harness.Deploy(EvmHarness.Contract, CreateFromMemory(init, Opcode.CREATE2, salt: 7));

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        Assert.Equal(new UInt256(99), harness.World.GetBalance(target));
        Assert.Equal(Runtime, harness.World.GetCode(target));
    }

    [Fact]
    public void Code_starting_with_0xEF_is_rejected_from_London()
    {
        var init = new Asm().MStore(0, UInt256.Parse("0xEF00000000000000000000000000000000000000000000000000000000000000")).Return(0, 1).Build();
        var london = new EvmHarness(Fork.London);
        london.Deploy(EvmHarness.Contract, CreateFromMemory(init, Opcode.CREATE, null));
        london.Call(EvmHarness.Contract);
        Assert.Equal(UInt256.Zero, london.Storage(EvmHarness.Contract, 0));

        var berlin = new EvmHarness(Fork.Berlin);
        berlin.Deploy(EvmHarness.Contract, CreateFromMemory(init, Opcode.CREATE, null));
        berlin.Call(EvmHarness.Contract);
        Assert.NotEqual(UInt256.Zero, berlin.Storage(EvmHarness.Contract, 0));
    }

    [Fact]
    public void Code_longer_than_24576_bytes_is_rejected()
    {
        var init = new Asm().Return(0, 24_577).Build();
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Contract, CreateFromMemory(init, Opcode.CREATE, null));

        Assert.True(harness.Call(EvmHarness.Contract, gas: 10_000_000).Success);
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Contract, 0));
    }

    [Fact]
    public void Init_code_longer_than_49152_bytes_is_an_exceptional_halt_from_Shanghai()
    {
        var code = new Asm().Push(49_153).Push(0).Push(0).Op(Opcode.CREATE);
        Assert.Equal(EvmError.InitCodeSizeExceeded, new EvmHarness(Fork.Shanghai).Run(code, gas: 10_000_000).Error);
        Assert.True(new EvmHarness(Fork.Paris).Run(code, gas: 10_000_000).Success);
    }

    [Fact]
    public void Reverted_init_code_leaves_its_revert_data_and_no_account()
    {
        var init = new Asm().MStore(0, 0x77).Revert(0, 32).Build();
        var harness = new EvmHarness();
        var code = CreateFromMemory(init, Opcode.CREATE, null);
        code.Op(Opcode.RETURNDATASIZE).StoreTop(1);
        harness.Deploy(EvmHarness.Contract, code);

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Contract, 0));
        Assert.Equal(new UInt256(32), harness.Storage(EvmHarness.Contract, 1));
        Assert.False(harness.World.Exists(Address.Create(EvmHarness.Contract, 1)));

        // The creator's nonce still went up.
        Assert.Equal(2UL, harness.World.GetNonce(EvmHarness.Contract));
    }

    /// <summary>Stores the init code in memory, creates from it and stores the result in slot 0.</summary>
    internal static Asm CreateFromMemory(byte[] init, Opcode op, ulong? salt)
    {
        var asm = new Asm();
        for (var i = 0; i < init.Length; i += 32)
        {
            var chunk = new byte[32];
            init.AsSpan(i, Math.Min(32, init.Length - i)).CopyTo(chunk);
            asm.Push(new UInt256(chunk)).Push((ulong)i).Op(Opcode.MSTORE);
        }

        if (op == Opcode.CREATE2)
        {
            asm.Push(salt!.Value);
        }

        return asm.Push((ulong)init.Length).Push(0).Push(0).Op(op).StoreTop(0);
    }
}
