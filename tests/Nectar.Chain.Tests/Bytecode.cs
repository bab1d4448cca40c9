using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Evm;

namespace Nectar.Chain.Tests;

/// <summary>A minimal assembler for the test contracts: opcodes and shortest pushes.</summary>
internal sealed class Bytecode
{
    private readonly List<byte> _code = [];

    public Bytecode Op(params Opcode[] ops)
    {
        foreach (var op in ops)
        {
            _code.Add((byte)op);
        }

        return this;
    }

    public Bytecode Push(UInt256 value)
    {
        var bytes = value.ToBigEndian().AsSpan();
        var start = bytes.IndexOfAnyExcept((byte)0);
        ReadOnlySpan<byte> significant = start < 0 ? [0] : bytes[start..];
        _code.Add((byte)(0x5F + significant.Length));
        _code.AddRange(significant);
        return this;
    }

    public Bytecode Push(ulong value) => Push(new UInt256(value));

    public Bytecode Push(Address address)
    {
        _code.Add((byte)Opcode.PUSH20);
        _code.AddRange(address.Bytes);
        return this;
    }

    public Bytecode Push(Hash256 word)
    {
        _code.Add((byte)Opcode.PUSH32);
        _code.AddRange(word.Bytes);
        return this;
    }

    public byte[] Build() => [.. _code];
}
