using System.Text;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Evm.Tracing;

/// <summary>Builds go-ethereum's <c>callTracer</c> call tree for one transaction.</summary>
public sealed class CallTracer : ITxTracer
{
    private static readonly byte[] ErrorSelector = [0x08, 0xc3, 0x79, 0xa0];

    private readonly Stack<CallFrameTrace> _open = new();
    private long _gasLimit;

    /// <inheritdoc />
    public bool TracesInstructions => false;

    /// <inheritdoc />
    public bool TracesCalls => true;

    /// <summary>The transaction's frame, with every nested call; null before the transaction's first frame.</summary>
    public CallFrameTrace? Root { get; private set; }

    /// <inheritdoc />
    public void StartTransaction(long gasLimit) => _gasLimit = gasLimit;

    /// <inheritdoc />
    public void StartInstruction(in InstructionStep step)
    {
    }

    /// <inheritdoc />
    public void EndInstruction(long gasCost, EvmError error)
    {
    }

    /// <inheritdoc />
    public void EnterCall(CallKind kind, Address from, Address to, in UInt256 value, long gas, ReadOnlySpan<byte> input, int depth)
    {
        var frame = new CallFrameTrace
        {
            Type = kind switch
            {
                CallKind.Call => "CALL",
                CallKind.CallCode => "CALLCODE",
                CallKind.DelegateCall => "DELEGATECALL",
                CallKind.StaticCall => "STATICCALL",
                CallKind.Create => "CREATE",
                _ => "CREATE2",
            },
            From = from,
            To = to,
            Value = kind is CallKind.DelegateCall or CallKind.StaticCall ? null : value,
            Gas = gas,
            Input = input.ToArray(),
        };
        if (_open.TryPeek(out var parent))
        {
            parent.Calls.Add(frame);
        }
        else
        {
            Root = frame;
            if (_gasLimit > 0)
            {
                frame.Gas = _gasLimit;
            }
        }

        _open.Push(frame);
    }

    /// <inheritdoc />
    public void ExitCall(ReadOnlySpan<byte> output, long gasUsed, EvmError error)
    {
        var frame = _open.Pop();
        frame.GasUsed = gasUsed;
        frame.Output = output.ToArray();
        frame.Error = ErrorMessages.Describe(error);
        if (error == EvmError.Revert)
        {
            frame.RevertReason = DecodeRevertReason(output);
        }
    }

    /// <inheritdoc />
    public void EndTransaction(long gasUsed, bool failed, ReadOnlySpan<byte> output)
    {
        if (Root is not null)
        {
            Root.GasUsed = gasUsed;
        }
    }

    /// <summary>Decodes the ABI encoding of <c>Error(string)</c>, as Solidity's <c>revert("...")</c> produces.</summary>
    /// <param name="output">Revert data.</param>
    /// <returns>The message, or <see langword="null"/> when the data is not an <c>Error(string)</c>.</returns>
    public static string? DecodeRevertReason(ReadOnlySpan<byte> output)
    {
        if (output.Length < 4 + 64 || !output[..4].SequenceEqual(ErrorSelector))
        {
            return null;
        }

        var data = output[4..];
        var offset = new UInt256(data[..32]);
        if (!offset.IsUInt64 || offset.U0 > (ulong)data.Length - 32)
        {
            return null;
        }

        var at = (int)offset.U0;
        var length = new UInt256(data.Slice(at, 32));
        if (!length.IsUInt64 || length.U0 > (ulong)(data.Length - at - 32))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(data.Slice(at + 32, (int)length.U0));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
