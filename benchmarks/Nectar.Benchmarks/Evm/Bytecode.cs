using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Evm;

namespace Nectar.Benchmarks.Evm;

/// <summary>A minimal assembler for the benchmark contracts: opcodes, pushes and one loop label.</summary>
internal sealed class Bytecode
{
    private readonly List<byte> _code = [];
    private int _loop = -1;

    public Bytecode Op(params Opcode[] ops)
    {
        foreach (var op in ops)
        {
            _code.Add((byte)op);
        }

        return this;
    }

    public Bytecode Push(ulong value)
    {
        var bytes = new UInt256(value).ToBigEndian().AsSpan();
        var start = bytes.IndexOfAnyExcept((byte)0);
        var significant = start < 0 ? [0] : bytes[start..];
        _code.Add((byte)(0x5F + significant.Length));
        _code.AddRange(significant);
        return this;
    }

    public Bytecode Push(Address address)
    {
        _code.Add((byte)Opcode.PUSH20);
        _code.AddRange(address.Bytes);
        return this;
    }

    /// <summary>Starts the loop body; the counter is on top of the stack.</summary>
    public Bytecode LoopStart()
    {
        _loop = _code.Count;
        _code.Add((byte)Opcode.JUMPDEST);
        return this;
    }

    /// <summary>Decrements the counter on top of the stack and jumps back while it is not zero.</summary>
    public Bytecode LoopEnd()
    {
        Push(1).Op(Opcode.SWAP1, Opcode.SUB, Opcode.DUP1);
        _code.Add((byte)Opcode.PUSH2);
        _code.Add((byte)(_loop >> 8));
        _code.Add((byte)_loop);
        _code.Add((byte)Opcode.JUMPI);
        return Op(Opcode.STOP);
    }

    public byte[] Build() => [.. _code];
}
