using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Evm.Tests;

/// <summary>A tiny assembler for test contracts: opcodes, minimal pushes and forward-resolved labels.</summary>
internal sealed class Asm
{
    private readonly List<byte> _code = [];
    private readonly Dictionary<string, int> _labels = [];
    private readonly List<(int At, string Label)> _fixups = [];

    public int Length => _code.Count;

    public Asm Op(Opcode op)
    {
        _code.Add((byte)op);
        return this;
    }

    public Asm Op(params Opcode[] ops)
    {
        foreach (var op in ops)
        {
            _code.Add((byte)op);
        }

        return this;
    }

    /// <summary>Pushes with the shortest PUSHn (PUSH1 0 for zero, so the code runs before Shanghai too).</summary>
    public Asm Push(UInt256 value)
    {
        var bytes = value.ToBigEndian().AsSpan();
        var start = bytes.IndexOfAnyExcept((byte)0);
        var significant = start < 0 ? [0] : bytes[start..];
        _code.Add((byte)(0x5F + significant.Length));
        _code.AddRange(significant);
        return this;
    }

    public Asm Push(ulong value) => Push(new UInt256(value));

    public Asm Push(Address address)
    {
        _code.Add((byte)Opcode.PUSH20);
        _code.AddRange(address.Bytes);
        return this;
    }

    public Asm PushBytes(ReadOnlySpan<byte> bytes)
    {
        _code.Add((byte)(0x5F + bytes.Length));
        _code.AddRange(bytes);
        return this;
    }

    public Asm Raw(params byte[] bytes)
    {
        _code.AddRange(bytes);
        return this;
    }

    public Asm Label(string name)
    {
        _labels[name] = _code.Count;
        _code.Add((byte)Opcode.JUMPDEST);
        return this;
    }

    public Asm PushLabel(string name)
    {
        _code.Add((byte)Opcode.PUSH2);
        _fixups.Add((_code.Count, name));
        _code.Add(0);
        _code.Add(0);
        return this;
    }

    public Asm Jump(string label) => PushLabel(label).Op(Opcode.JUMP);

    public Asm JumpI(string label) => PushLabel(label).Op(Opcode.JUMPI);

    public Asm MStore(ulong offset, UInt256 value) => Push(value).Push(offset).Op(Opcode.MSTORE);

    public Asm SStore(UInt256 key, UInt256 value) => Push(value).Push(key).Op(Opcode.SSTORE);

    /// <summary>Stores the top of the stack in a slot.</summary>
    public Asm StoreTop(UInt256 key) => Push(key).Op(Opcode.SSTORE);

    public Asm Return(ulong offset, ulong length) => Push(length).Push(offset).Op(Opcode.RETURN);

    public Asm Revert(ulong offset, ulong length) => Push(length).Push(offset).Op(Opcode.REVERT);

    /// <summary>Returns the 32-byte word on top of the stack.</summary>
    public Asm ReturnTop() => Push(0).Op(Opcode.MSTORE).Return(0, 32);

    public Asm Call(Opcode kind, UInt256 gas, Address to, UInt256 value, ulong inOffset, ulong inLength, ulong outOffset, ulong outLength)
    {
        Push(outLength).Push(outOffset).Push(inLength).Push(inOffset);
        if (kind is Opcode.CALL or Opcode.CALLCODE)
        {
            Push(value);
        }

        return Push(to).Push(gas).Op(kind);
    }

    /// <summary>Init code that deploys <paramref name="runtime"/> verbatim.</summary>
    public static byte[] Deployer(byte[] runtime)
    {
        // CODECOPY the runtime that follows this 12-byte prefix, then RETURN it.
        var prefix = new Asm()
            .Op(Opcode.PUSH2).Raw((byte)(runtime.Length >> 8), (byte)runtime.Length)
            .Op(Opcode.DUP1)
            .Op(Opcode.PUSH1).Raw(12)
            .Push(0)
            .Op(Opcode.CODECOPY)
            .Push(0)
            .Op(Opcode.RETURN)
            .Build();
        if (prefix.Length != 12)
        {
            throw new InvalidOperationException($"Deployer prefix is {prefix.Length} bytes.");
        }

        return [.. prefix, .. runtime];
    }

    public byte[] Build()
    {
        var code = _code.ToArray();
        foreach (var (at, label) in _fixups)
        {
            var target = _labels[label];
            code[at] = (byte)(target >> 8);
            code[at + 1] = (byte)target;
        }

        return code;
    }
}
