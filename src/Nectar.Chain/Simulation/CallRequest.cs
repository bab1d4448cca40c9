using System.Collections.Immutable;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Simulation;

/// <summary>
/// An unsigned message to execute without committing anything (<c>eth_call</c>, <c>eth_estimateGas</c>,
/// <c>eth_createAccessList</c>, <c>debug_traceCall</c>): the fields of a transaction a caller may give, each optional
/// except the sender.
/// </summary>
/// <remarks>
/// Fees follow go-ethereum: <see cref="GasPrice"/> alone prices the message like a legacy transaction; otherwise
/// <see cref="MaxFeePerGas"/> and <see cref="MaxPriorityFeePerGas"/> (each zero when absent) price it like an EIP-1559
/// transaction. A message whose effective price is zero runs with a base fee of zero, so that an unpriced call needs
/// no balance beyond its value; the nonce is always the sender's current one.
/// </remarks>
public sealed class CallRequest
{
    /// <summary>The sender (CALLER and ORIGIN).</summary>
    public required Address From { get; init; }

    /// <summary>The recipient, or <see langword="null"/> to run <see cref="Data"/> as init code.</summary>
    public Address? To { get; init; }

    /// <summary>The gas limit; absent means the simulator's cap.</summary>
    public ulong? Gas { get; init; }

    /// <summary>A legacy gas price; may not be combined with the EIP-1559 fee fields.</summary>
    public UInt256? GasPrice { get; init; }

    /// <summary>The EIP-1559 maximum fee per gas.</summary>
    public UInt256? MaxFeePerGas { get; init; }

    /// <summary>The EIP-1559 maximum priority fee per gas.</summary>
    public UInt256? MaxPriorityFeePerGas { get; init; }

    /// <summary>The wei sent with the message.</summary>
    public UInt256 Value { get; init; }

    /// <summary>Call data, or init code when <see cref="To"/> is absent.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>An EIP-2930 access list to warm up front.</summary>
    public ImmutableArray<AccessListItem> AccessList { get; init; } = [];

    /// <summary>EIP-7702 authorizations; a non-empty list makes the message a set-code transaction.</summary>
    public ImmutableArray<Authorization> AuthorizationList { get; init; } = [];

    /// <summary>A copy with another access list.</summary>
    /// <param name="accessList">The access list.</param>
    /// <returns>The copy.</returns>
    public CallRequest WithAccessList(ImmutableArray<AccessListItem> accessList) => new()
    {
        From = From,
        To = To,
        Gas = Gas,
        GasPrice = GasPrice,
        MaxFeePerGas = MaxFeePerGas,
        MaxPriorityFeePerGas = MaxPriorityFeePerGas,
        Value = Value,
        Data = Data,
        AccessList = accessList,
        AuthorizationList = AuthorizationList,
    };
}
