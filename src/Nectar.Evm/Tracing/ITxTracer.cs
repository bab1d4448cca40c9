using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Evm.Tracing;

/// <summary>
/// Receives execution events. The interpreter compiles a separate dispatch loop for tracing, so with no tracer
/// attached none of these calls (nor the checks guarding them) exist on the hot path.
/// </summary>
public interface ITxTracer
{
    /// <summary>Whether <see cref="StartInstruction"/> and <see cref="EndInstruction"/> are wanted.</summary>
    bool TracesInstructions { get; }

    /// <summary>Whether <see cref="EnterCall"/> and <see cref="ExitCall"/> are wanted.</summary>
    bool TracesCalls { get; }

    /// <summary>Before an instruction executes (after the stack check, before any gas is charged).</summary>
    /// <param name="step">The machine state.</param>
    void StartInstruction(in InstructionStep step);

    /// <summary>After the instruction of the last <see cref="StartInstruction"/>.</summary>
    /// <param name="gasCost">Gas the instruction took (for calls and creates, including the gas handed to the child).</param>
    /// <param name="error">The exceptional halt it caused, or <see cref="EvmError.None"/>.</param>
    void EndInstruction(long gasCost, EvmError error);

    /// <summary>A frame is entered (also for precompiles and calls that fail before running code).</summary>
    /// <param name="kind">How it was entered.</param>
    /// <param name="from">The caller.</param>
    /// <param name="to">The callee, or the new contract's address.</param>
    /// <param name="value">The value sent.</param>
    /// <param name="gas">Gas given to the frame.</param>
    /// <param name="input">Call data, or init code for a creation.</param>
    /// <param name="depth">The new frame's depth, 1 for the transaction's own frame.</param>
    void EnterCall(CallKind kind, Address from, Address to, in UInt256 value, long gas, ReadOnlySpan<byte> input, int depth);

    /// <summary>The frame of the matching <see cref="EnterCall"/> has ended.</summary>
    /// <param name="output">Return or revert data (for a successful creation, the deployed code).</param>
    /// <param name="gasUsed">Gas the frame used.</param>
    /// <param name="error">Why it failed, <see cref="EvmError.Revert"/>, or <see cref="EvmError.None"/>.</param>
    void ExitCall(ReadOnlySpan<byte> output, long gasUsed, EvmError error);

    /// <summary>A transaction starts (before its intrinsic gas is charged).</summary>
    /// <param name="gasLimit">The transaction's gas limit.</param>
    void StartTransaction(long gasLimit);

    /// <summary>The transaction has ended.</summary>
    /// <param name="gasUsed">Gas used by the transaction after refunds.</param>
    /// <param name="failed">Whether its top frame failed or reverted.</param>
    /// <param name="output">The top frame's output.</param>
    void EndTransaction(long gasUsed, bool failed, ReadOnlySpan<byte> output);
}
