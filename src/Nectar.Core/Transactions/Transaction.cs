using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Core.Transactions;

/// <summary>
/// A signed (or not yet signed) transaction of any supported type. Instances are immutable once built; the
/// hash and the recovered sender are computed at most once and cached.
/// </summary>
/// <remarks>
/// <para>
/// Build one with an object initializer; fields a type does not have are ignored by the codec (a legacy
/// transaction has no access list, only set-code transactions carry authorizations). Decode and encode with
/// <see cref="TransactionCodec"/>, check stateless rules with <see cref="TransactionValidator"/>, and sign or
/// recover the sender with <c>Nectar.Crypto.Signing.TransactionSigner</c>.
/// </para>
/// <para>
/// Fees: legacy and access-list transactions have one gas price; dynamic-fee and set-code transactions have a
/// maximum fee and a priority fee. The three properties share storage so that fee rules read the same way for
/// every type: <see cref="GasPrice"/> and <see cref="MaxFeePerGas"/> are the same value, and for the
/// gas-price types <see cref="MaxPriorityFeePerGas"/> reads the gas price too.
/// </para>
/// </remarks>
public sealed class Transaction
{
    private UInt256 _feeCap;
    private UInt256 _priorityFee;
    private ImmutableArray<AccessListItem> _accessList = [];
    private ImmutableArray<Authorization> _authorizationList = [];

    // The hash is written before the flag; all writers compute the same bytes, so a race only repeats work.
    private Hash256 _hash;
    private volatile bool _hasHash;

    // Boxed so that publishing the sender is one reference write, which cannot tear.
    private volatile StrongBox<Address>? _sender;

    /// <summary>The transaction type.</summary>
    public TransactionType Type { get; init; }

    /// <summary>
    /// The chain id: always present in typed transactions; for legacy transactions, present exactly when the
    /// signature follows EIP-155 (v = chainId * 2 + 35 or + 36), <see langword="null"/> otherwise.
    /// </summary>
    public UInt256? ChainId { get; init; }

    /// <summary>The sender's account nonce; at most 2^64 - 2 in a valid transaction (EIP-2681).</summary>
    public ulong Nonce { get; init; }

    /// <summary>The gas price (legacy and access-list types); the same value as <see cref="MaxFeePerGas"/>.</summary>
    public UInt256 GasPrice
    {
        get => _feeCap;
        init => _feeCap = value;
    }

    /// <summary>The most the sender pays per gas, base fee included; the gas price for the gas-price types.</summary>
    public UInt256 MaxFeePerGas
    {
        get => _feeCap;
        init => _feeCap = value;
    }

    /// <summary>The most the sender tips the block producer per gas; the gas price for the gas-price types.</summary>
    public UInt256 MaxPriorityFeePerGas
    {
        get => HasFeeMarket ? _priorityFee : _feeCap;
        init => _priorityFee = value;
    }

    /// <summary>The gas limit.</summary>
    public ulong GasLimit { get; init; }

    /// <summary>The recipient, or <see langword="null"/> for a contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>The wei transferred to the recipient or endowed to the new contract.</summary>
    public UInt256 Value { get; init; }

    /// <summary>The call data, or the initcode of a contract creation.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The EIP-2930 access list (empty for legacy transactions).</summary>
    public ImmutableArray<AccessListItem> AccessList
    {
        get => _accessList;
        init => _accessList = value.IsDefault ? [] : value;
    }

    /// <summary>The EIP-7702 authorizations (only set-code transactions carry them).</summary>
    public ImmutableArray<Authorization> AuthorizationList
    {
        get => _authorizationList;
        init => _authorizationList = value.IsDefault ? [] : value;
    }

    /// <summary>
    /// The signature's v: for legacy transactions 27/28 or chainId * 2 + 35/36; for typed transactions the
    /// y parity (0 or 1).
    /// </summary>
    public UInt256 V { get; init; }

    /// <summary>The signature's r.</summary>
    public UInt256 R { get; init; }

    /// <summary>The signature's s.</summary>
    public UInt256 S { get; init; }

    /// <summary>Whether the transaction creates a contract (it has no recipient).</summary>
    public bool IsContractCreation => To is null;

    /// <summary>Whether the encoding starts with a type byte (every type but legacy).</summary>
    public bool IsTyped => Type != TransactionType.Legacy;

    /// <summary>Whether the type carries an access list.</summary>
    public bool HasAccessList => Type != TransactionType.Legacy;

    /// <summary>Whether the type has a maximum fee and a priority fee rather than a gas price.</summary>
    public bool HasFeeMarket => Type is TransactionType.DynamicFee or TransactionType.SetCode;

    /// <summary>Keccak-256 of the canonical encoding, computed on first use and cached.</summary>
    public Hash256 Hash
    {
        get
        {
            if (!_hasHash)
            {
                _hash = TransactionCodec.ComputeHash(this);
                _hasHash = true;
            }

            return _hash;
        }
    }

    /// <summary>
    /// The sender, once recovered from the signature and cached with <see cref="CacheSender"/>;
    /// <see langword="null"/> before.
    /// </summary>
    public Address? Sender => _sender?.Value;

    /// <summary>
    /// Caches the sender recovered from this transaction's signature, so that it is recovered only once. Pass
    /// only an address recovered from this very transaction (sender recovery does this).
    /// </summary>
    /// <param name="sender">The recovered sender.</param>
    public void CacheSender(Address sender) => _sender = new StrongBox<Address>(sender);

    /// <summary>
    /// The y parity of the signature, which selects between the two curve points with x = r: a typed
    /// transaction's v; a legacy v of 27/28 less 27; an EIP-155 v less chainId * 2 + 35.
    /// </summary>
    /// <param name="yParity">0 or 1 when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="false"/> when v is not of a form its type allows.</returns>
    public bool TryGetYParity(out byte yParity)
    {
        yParity = 0;
        if (IsTyped)
        {
            if (V > UInt256.One)
            {
                return false;
            }

            yParity = (byte)V.U0;
            return true;
        }

        if (ChainId is not { } chainId)
        {
            if (V.IsUInt64 && V.U0 is 27 or 28)
            {
                yParity = (byte)(V.U0 - 27);
                return true;
            }

            return false;
        }

        // v - 35 - 2 * chainId must be 0 or 1, computed without wrapping.
        if (V < 35 || UInt256.SubtractUnderflow(V - 35, chainId, out var once) || UInt256.SubtractUnderflow(once, chainId, out var parity) || parity > UInt256.One)
        {
            return false;
        }

        yParity = (byte)parity.U0;
        return true;
    }

    /// <summary>A copy of this transaction with another signature (the sender cache is not carried over).</summary>
    /// <param name="v">The new v (see <see cref="V"/>).</param>
    /// <param name="r">The new r.</param>
    /// <param name="s">The new s.</param>
    /// <returns>The signed copy.</returns>
    public Transaction WithSignature(in UInt256 v, in UInt256 r, in UInt256 s) => new()
    {
        Type = Type,
        ChainId = ChainId,
        Nonce = Nonce,
        _feeCap = _feeCap,
        _priorityFee = _priorityFee,
        GasLimit = GasLimit,
        To = To,
        Value = Value,
        Data = Data,
        AccessList = AccessList,
        AuthorizationList = AuthorizationList,
        V = v,
        R = r,
        S = s,
    };

    /// <summary>The type, nonce and recipient, for diagnostics.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"{Type} transaction, nonce {Nonce}, to {(To is { } to ? to.ToString() : "(creation)")}";
}
