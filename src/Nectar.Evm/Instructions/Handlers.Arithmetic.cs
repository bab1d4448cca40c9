using System.Runtime.CompilerServices;
using Nectar.Core.Numerics;
using Nectar.Evm.Execution;

namespace Nectar.Evm.Instructions;

/// <summary>
/// The instruction handlers. Each takes the registers by reference and returns what the dispatch loop does next;
/// the loop has already checked the stack height against the instruction's needs and charged its static gas.
/// Binary operations write their result over the second operand and drop the first.
/// </summary>
[SkipLocalsInit]
internal static partial class Handlers
{
    public static EvmStatus Stop(ref ExecutionState s) => EvmStatus.Stop;

    public static EvmStatus Add(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        UInt256.Add(in s.Peek(0), in b, out b);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Mul(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        UInt256.Multiply(in s.Peek(0), in b, out b);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Sub(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        UInt256.Subtract(in s.Peek(0), in b, out b);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Div(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        UInt256.Divide(in s.Peek(0), in b, out b);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus SDiv(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        UInt256.SignedDivide(in s.Peek(0), in b, out b);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Mod(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        UInt256.Mod(in s.Peek(0), in b, out b);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus SMod(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        UInt256.SignedMod(in s.Peek(0), in b, out b);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus AddMod(ref ExecutionState s)
    {
        ref var n = ref s.Peek(2);
        UInt256.AddMod(in s.Peek(0), in s.Peek(1), in n, out n);
        s.Sp -= 2;
        return EvmStatus.Continue;
    }

    public static EvmStatus MulMod(ref ExecutionState s)
    {
        ref var n = ref s.Peek(2);
        UInt256.MulMod(in s.Peek(0), in s.Peek(1), in n, out n);
        s.Sp -= 2;
        return EvmStatus.Continue;
    }

    public static EvmStatus Exp(ref ExecutionState s)
    {
        ref var exponent = ref s.Peek(1);
        if (!s.Charge(s.Vm.ExpByteGas * exponent.ByteLength))
        {
            return EvmStatus.OutOfGas;
        }

        UInt256.Exp(in s.Peek(0), in exponent, out exponent);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus SignExtend(ref ExecutionState s)
    {
        ref var value = ref s.Peek(1);
        UInt256.SignExtend(in s.Peek(0), in value, out value);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Lt(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        b = UInt256.LessThan(in s.Peek(0), in b) ? UInt256.One : default;
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Gt(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        b = UInt256.LessThan(in b, in s.Peek(0)) ? UInt256.One : default;
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus SLt(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        b = UInt256.SignedCompare(in s.Peek(0), in b) < 0 ? UInt256.One : default;
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus SGt(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        b = UInt256.SignedCompare(in s.Peek(0), in b) > 0 ? UInt256.One : default;
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Eq(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        b = UInt256.Equals(in s.Peek(0), in b) ? UInt256.One : default;
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus IsZero(ref ExecutionState s)
    {
        ref var a = ref s.Peek(0);
        a = a.IsZero ? UInt256.One : default;
        return EvmStatus.Continue;
    }

    public static EvmStatus And(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        UInt256.And(in s.Peek(0), in b, out b);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Or(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        UInt256.Or(in s.Peek(0), in b, out b);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Xor(ref ExecutionState s)
    {
        ref var b = ref s.Peek(1);
        UInt256.Xor(in s.Peek(0), in b, out b);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Not(ref ExecutionState s)
    {
        ref var a = ref s.Peek(0);
        UInt256.Not(in a, out a);
        return EvmStatus.Continue;
    }

    public static EvmStatus Byte(ref ExecutionState s)
    {
        ref var value = ref s.Peek(1);
        value = new UInt256(value.Byte(in s.Peek(0)));
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Shl(ref ExecutionState s)
    {
        ref var value = ref s.Peek(1);
        UInt256.LeftShift(in value, in s.Peek(0), out value);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Shr(ref ExecutionState s)
    {
        ref var value = ref s.Peek(1);
        UInt256.RightShift(in value, in s.Peek(0), out value);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Sar(ref ExecutionState s)
    {
        ref var value = ref s.Peek(1);
        UInt256.ArithmeticRightShift(in value, in s.Peek(0), out value);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Invalid(ref ExecutionState s) => EvmStatus.InvalidInstruction;
}
