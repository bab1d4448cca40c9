using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Evm.Tracing;

/// <summary>One frame of a go-ethereum <c>callTracer</c> tree.</summary>
public sealed class CallFrameTrace
{
    /// <summary>CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE or CREATE2.</summary>
    public required string Type { get; init; }

    /// <summary>The caller.</summary>
    public Address From { get; init; }

    /// <summary>The callee, or the created contract.</summary>
    public Address To { get; init; }

    /// <summary>Value sent (null for DELEGATECALL and STATICCALL, which carry none of their own).</summary>
    public UInt256? Value { get; init; }

    /// <summary>Gas given to the frame (for the transaction's frame, the gas limit).</summary>
    public long Gas { get; set; }

    /// <summary>Gas the frame used (for the transaction's frame, the transaction's gas used).</summary>
    public long GasUsed { get; set; }

    /// <summary>Call data or init code.</summary>
    public required byte[] Input { get; init; }

    /// <summary>Return or revert data (for a creation, the deployed code).</summary>
    public byte[] Output { get; set; } = [];

    /// <summary>The error, if the frame failed.</summary>
    public string? Error { get; set; }

    /// <summary>The decoded <c>Error(string)</c> message of a revert, when there is one.</summary>
    public string? RevertReason { get; set; }

    /// <summary>The frames this one entered, in order.</summary>
    public List<CallFrameTrace> Calls { get; } = [];
}
