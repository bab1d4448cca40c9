using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Evm.Tracing;

/// <summary>
/// Records every instruction as go-ethereum's struct logger does (pc, op, gas, gas cost, depth, stack, memory,
/// storage, refund, error). One tracer per transaction.
/// </summary>
public sealed class StructLogTracer : ITxTracer
{
    private readonly StructLogOptions _options;
    private readonly List<StructLog> _logs = [];
    private readonly Dictionary<Address, Dictionary<UInt256, UInt256>> _storage = [];
    private StructLog? _current;
    private StructLogResult? _result;

    /// <summary>Creates a tracer.</summary>
    /// <param name="options">What to record; defaults record the stack and storage but not memory.</param>
    public StructLogTracer(StructLogOptions? options = null)
    {
        _options = options ?? new StructLogOptions();
    }

    /// <inheritdoc />
    public bool TracesInstructions => true;

    /// <inheritdoc />
    public bool TracesCalls => false;

    /// <summary>The steps recorded so far.</summary>
    public IReadOnlyList<StructLog> Logs => _logs;

    /// <summary>The finished trace, available after the transaction ends.</summary>
    /// <exception cref="InvalidOperationException">The transaction has not ended.</exception>
    public StructLogResult Result => _result ?? throw new InvalidOperationException("The transaction has not ended.");

    /// <inheritdoc />
    public void StartTransaction(long gasLimit)
    {
    }

    /// <inheritdoc />
    public void StartInstruction(in InstructionStep step)
    {
        if (_options.Limit > 0 && _logs.Count >= _options.Limit)
        {
            _current = null;
            return;
        }

        IReadOnlyDictionary<UInt256, UInt256>? storage = null;
        if (step.HasStorageAccess && !_options.DisableStorage)
        {
            if (!_storage.TryGetValue(step.Address, out var seen))
            {
                seen = [];
                _storage[step.Address] = seen;
            }

            seen[step.StorageKey] = step.StorageValue;
            storage = new Dictionary<UInt256, UInt256>(seen);
        }

        List<byte[]>? memory = null;
        if (_options.EnableMemory)
        {
            memory = new List<byte[]>(step.Memory.Length / 32);
            for (var offset = 0; offset < step.Memory.Length; offset += 32)
            {
                memory.Add(step.Memory.Slice(offset, 32).ToArray());
            }
        }

        _current = new StructLog
        {
            Pc = step.Pc,
            Op = OpcodeNames.Of(step.Opcode),
            Gas = step.Gas,
            Depth = step.Depth,
            Refund = step.Refund,
            MemorySize = step.Memory.Length,
            Stack = _options.DisableStack ? null : step.Stack.ToArray(),
            Memory = memory,
            Storage = storage,
            ReturnData = _options.EnableReturnData ? step.ReturnData.ToArray() : null,
        };
        _logs.Add(_current);
    }

    /// <inheritdoc />
    public void EndInstruction(long gasCost, EvmError error)
    {
        if (_current is null)
        {
            return;
        }

        _current.GasCost = gasCost;
        _current.Error = ErrorMessages.Describe(error);
        _current = null;
    }

    /// <inheritdoc />
    public void EnterCall(CallKind kind, Address from, Address to, in UInt256 value, long gas, ReadOnlySpan<byte> input, int depth)
    {
    }

    /// <inheritdoc />
    public void ExitCall(ReadOnlySpan<byte> output, long gasUsed, EvmError error)
    {
    }

    /// <inheritdoc />
    public void EndTransaction(long gasUsed, bool failed, ReadOnlySpan<byte> output) =>
        _result = new StructLogResult { Gas = gasUsed, Failed = failed, ReturnValue = output.ToArray(), StructLogs = _logs };
}
