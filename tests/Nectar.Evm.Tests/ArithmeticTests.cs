using Nectar.Core.Numerics;

namespace Nectar.Evm.Tests;

public sealed class ArithmeticTests
{
    public static TheoryData<Opcode, string, string, string> BinaryCases => new()
    {
        { Opcode.ADD, "1", "2", "3" },
        { Opcode.ADD, "115792089237316195423570985008687907853269984665640564039457584007913129639935", "1", "0" },
        { Opcode.SUB, "1", "2", "115792089237316195423570985008687907853269984665640564039457584007913129639935" },
        { Opcode.MUL, "6", "7", "42" },
        { Opcode.DIV, "7", "2", "3" },
        { Opcode.DIV, "7", "0", "0" },
        { Opcode.MOD, "7", "0", "0" },
        { Opcode.MOD, "7", "3", "1" },
        { Opcode.EXP, "2", "10", "1024" },
        { Opcode.LT, "1", "2", "1" },
        { Opcode.GT, "1", "2", "0" },
        { Opcode.EQ, "5", "5", "1" },
        { Opcode.AND, "12", "10", "8" },
        { Opcode.OR, "12", "10", "14" },
        { Opcode.XOR, "12", "10", "6" },
        { Opcode.BYTE, "31", "258", "2" },
        { Opcode.SHL, "4", "1", "16" },
        { Opcode.SHR, "4", "16", "1" },
    };

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_operation_takes_the_top_as_first_operand(Opcode op, string a, string b, string expected)
    {
        // a is pushed last, so it is the top of the stack: the first operand.
        var code = new Asm().Push(UInt256.Parse(b)).Push(UInt256.Parse(a)).Op(op).ReturnTop();
        var result = new EvmHarness().Run(code);

        Assert.True(result.Success);
        Assert.Equal(UInt256.Parse(expected), EvmHarness.Word(result.Output));
    }

    [Fact]
    public void Signed_operations_read_twos_complement()
    {
        var minusTwo = UInt256.MaxValue - UInt256.One;
        var code = new Asm()
            .Push(2).Push(minusTwo).Op(Opcode.SDIV).StoreTop(0)     // -2 / 2 = -1
            .Push(3).Push(minusTwo).Op(Opcode.SMOD).StoreTop(1)     // -2 % 3 = -2
            .Push(0).Push(minusTwo).Op(Opcode.SLT).StoreTop(2)      // -2 < 0
            .Push(minusTwo).Push(1).Op(Opcode.SAR).StoreTop(3)      // -2 >> 1 = -1
            .Push(0xFF).Push(0).Op(Opcode.SIGNEXTEND).StoreTop(4);  // 0xff from byte 0 = -1
        var harness = new EvmHarness();
        var result = harness.Run(code);

        Assert.True(result.Success);
        Assert.Equal(UInt256.MaxValue, harness.Storage(EvmHarness.Contract, 0));
        Assert.Equal(minusTwo, harness.Storage(EvmHarness.Contract, 1));
        Assert.Equal(UInt256.One, harness.Storage(EvmHarness.Contract, 2));
        Assert.Equal(UInt256.MaxValue, harness.Storage(EvmHarness.Contract, 3));
        Assert.Equal(UInt256.MaxValue, harness.Storage(EvmHarness.Contract, 4));
    }

    [Fact]
    public void Modular_operations_do_not_overflow()
    {
        var code = new Asm().Push(10).Push(UInt256.MaxValue).Push(UInt256.MaxValue).Op(Opcode.ADDMOD).ReturnTop();
        var result = new EvmHarness().Run(code);

        // (2^256 - 1) * 2 mod 10 = (2^257 - 2) mod 10 = 0.
        Assert.Equal(UInt256.Zero, EvmHarness.Word(result.Output));
    }

    [Theory]
    [InlineData(0UL, 10L)]
    [InlineData(1UL, 60L)]
    [InlineData(256UL, 110L)]
    public void Exp_charges_50_gas_per_exponent_byte(ulong exponent, long expected)
    {
        var harness = new EvmHarness();
        var code = new Asm().Push(exponent).Push(3).Op(Opcode.EXP, Opcode.STOP);
        var result = harness.Run(code, gas: 100_000);

        var pushes = exponent == 0 ? 3 + 3 : 3 + 3;
        Assert.Equal(expected + pushes, 100_000 - result.GasLeft);
    }

    [Fact]
    public void Exp_charges_10_gas_per_exponent_byte_before_Spurious_Dragon()
    {
        var harness = new EvmHarness(Core.Specs.Fork.Homestead);
        var code = new Asm().Push(256).Push(3).Op(Opcode.EXP, Opcode.STOP);
        var result = harness.Run(code, gas: 100_000);

        Assert.Equal(10 + (2 * 10) + 6, 100_000 - result.GasLeft);
    }
}
