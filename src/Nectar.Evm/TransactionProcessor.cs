using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Crypto;
using Nectar.Crypto.Signing;
using Nectar.Evm.Tracing;
using Nectar.State;

namespace Nectar.Evm;

/// <summary>
/// Executes the transactions of one block against a <see cref="WorldState"/>: validation against the state, buying
/// gas, warming the access sets, EIP-7702 authorizations, the call or creation, refunds, the fee to the coinbase
/// and the end-of-transaction commit. Also runs the block's system calls (EIP-4788, EIP-2935).
/// </summary>
/// <remarks>One instance per block and thread; it tracks the block gas still available.</remarks>
public sealed partial class TransactionProcessor
{
    /// <summary>The caller of system calls, 0xff...fe.</summary>
    public static readonly Address SystemAddress = new(
        [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe]);

    private readonly VirtualMachine _vm;
    private readonly TransactionSigner _signer;

    /// <summary>Creates a processor for one block.</summary>
    /// <param name="spec">The fork's rules.</param>
    /// <param name="block">The block context (its gas limit bounds the transactions).</param>
    /// <param name="world">The state the block executes against.</param>
    /// <param name="secp256k1">The curve implementation (ecrecover, EIP-7702 authorities).</param>
    /// <param name="vm">An interpreter for <paramref name="spec"/> to reuse, or null for a new one.</param>
    public TransactionProcessor(ForkSpec spec, BlockContext block, WorldState world, ISecp256k1 secp256k1, VirtualMachine? vm = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(secp256k1);
        if (vm is not null && vm.Spec != spec)
        {
            throw new ArgumentException($"The interpreter is for {vm.Spec}, not {spec}.", nameof(vm));
        }

        Spec = spec;
        Block = block;
        World = world;
        _vm = vm ?? new VirtualMachine(spec, secp256k1);
        _signer = new TransactionSigner(secp256k1);
        GasAvailable = block.GasLimit;
    }

    /// <summary>The fork's rules.</summary>
    public ForkSpec Spec { get; }

    /// <summary>The block context.</summary>
    public BlockContext Block { get; }

    /// <summary>The state.</summary>
    public WorldState World { get; }

    /// <summary>Block gas not yet used by executed transactions.</summary>
    public long GasAvailable { get; private set; }

    /// <summary>
    /// Validates and executes a transaction and commits it to the world state. A rejected transaction changes
    /// nothing.
    /// </summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="sender">Its recovered sender.</param>
    /// <param name="tracer">An optional tracer.</param>
    /// <returns>The result.</returns>
    public TransactionResult Execute(Transaction transaction, Address sender, ITxTracer? tracer = null)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var rejection = Validate(transaction, sender);
        if (rejection is not null)
        {
            return rejection;
        }

        var gasLimit = (long)transaction.GasLimit;
        var gasPrice = EffectiveGasPrice(transaction);
        tracer?.StartTransaction(gasLimit);

        World.SubtractBalance(sender, new UInt256((ulong)gasLimit) * gasPrice);
        if (!transaction.IsContractCreation)
        {
            World.IncrementNonce(sender);
        }

        WarmUp(transaction, sender);
        if (transaction.Type == TransactionType.SetCode)
        {
            ApplyAuthorizations(transaction);
        }

        if (Spec.IsEip7702Enabled && transaction.To is { } to && Delegation.TryGetTarget(World.GetCode(to), out var delegate_))
        {
            World.WarmUp(delegate_);
        }

        var intrinsic = (long)IntrinsicGas.Calculate(transaction, Spec);
        var context = new TransactionContext { Origin = sender, GasPrice = gasPrice };
        var result = transaction.To is { } recipient
            ? _vm.Call(World, Block, context, sender, recipient, transaction.Value, transaction.Data, gasLimit - intrinsic, tracer)
            : _vm.Create(World, Block, context, sender, transaction.Value, transaction.Data, gasLimit - intrinsic, tracer);

        var gasUsed = gasLimit - result.GasLeft;
        var refund = Math.Min(World.Refund, gasUsed / Spec.MaxRefundQuotient);
        gasUsed -= refund;
        if (Spec.IsEip7623Enabled)
        {
            gasUsed = Math.Max(gasUsed, (long)IntrinsicGas.CalldataFloor(transaction.Data.Span));
        }

        World.AddBalance(sender, new UInt256((ulong)(gasLimit - gasUsed)) * gasPrice);
        var tip = Spec.IsEip1559Enabled ? gasPrice - Block.BaseFee : gasPrice;
        World.AddBalance(Block.Coinbase, new UInt256((ulong)gasUsed) * tip);

        var logs = result.Success ? [.. World.Logs] : Array.Empty<LogEntry>();
        World.CommitTransaction(Spec.IsEip158Enabled);
        GasAvailable -= gasUsed;
        tracer?.EndTransaction(gasUsed, !result.Success, result.Output);
        return TransactionResult.Executed(result.Error, gasUsed, refund, logs, result.ContractAddress, result.Output);
    }

    /// <summary>
    /// Runs a system call (EIP-4788 beacon root, EIP-2935 block hash history): a call from <see cref="SystemAddress"/>
    /// with 30,000,000 gas, no fee, no nonce change and no access-list warming, committed as its own transaction.
    /// A target without code does nothing.
    /// </summary>
    /// <param name="target">The system contract.</param>
    /// <param name="input">The call data.</param>
    /// <returns>The call's outcome.</returns>
    public CallResult ExecuteSystemCall(Address target, ReadOnlySpan<byte> input)
    {
        var context = new TransactionContext { Origin = SystemAddress, GasPrice = UInt256.Zero };
        var result = _vm.Call(World, Block, context, SystemAddress, target, UInt256.Zero, input.ToArray(), GasCosts.SystemCall);
        World.CommitTransaction(Spec.IsEip158Enabled);
        return result;
    }

    /// <summary>The gas price the sender pays: the legacy price, or base fee plus the capped priority fee (EIP-1559).</summary>
    /// <param name="transaction">The transaction.</param>
    /// <returns>The price per gas.</returns>
    public UInt256 EffectiveGasPrice(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (!Spec.IsEip1559Enabled)
        {
            return transaction.GasPrice;
        }

        var withTip = Block.BaseFee + transaction.MaxPriorityFeePerGas;
        return withTip < transaction.MaxFeePerGas ? withTip : transaction.MaxFeePerGas;
    }

    private void WarmUp(Transaction transaction, Address sender)
    {
        if (!Spec.IsEip2929Enabled)
        {
            return;
        }

        World.WarmUp(sender);
        if (transaction.To is { } to)
        {
            World.WarmUp(to);
        }

        foreach (var precompile in _vm.Precompiles.Addresses)
        {
            World.WarmUp(precompile);
        }

        if (Spec.IsEip3651Enabled)
        {
            World.WarmUp(Block.Coinbase);
        }

        foreach (var item in transaction.AccessList)
        {
            World.WarmUp(item.Address);
            foreach (var key in item.StorageKeys)
            {
                World.WarmUp(item.Address, Execution.Words.FromHash(key));
            }
        }
    }

    /// <summary>
    /// EIP-7702: each valid authorization (chain id 0 or ours, nonce below 2^64 - 1, authority with no code or a
    /// delegation and the authorization's nonce) sets the authority's code to a delegation designator (or clears it
    /// for the zero address) and bumps its nonce; existing authorities refund 12,500 of the 25,000 charged.
    /// Invalid authorizations are skipped.
    /// </summary>
    private void ApplyAuthorizations(Transaction transaction)
    {
        var chainId = new UInt256(Block.ChainId);
        foreach (var authorization in transaction.AuthorizationList)
        {
            if (!authorization.ChainId.IsZero && authorization.ChainId != chainId)
            {
                continue;
            }

            if (authorization.Nonce == ulong.MaxValue || !_signer.TryRecoverAuthority(authorization, out var authority))
            {
                continue;
            }

            World.WarmUp(authority);
            var code = World.GetCode(authority);
            if (code.Length != 0 && !Delegation.TryGetTarget(code, out _))
            {
                continue;
            }

            if (World.GetNonce(authority) != authorization.Nonce)
            {
                continue;
            }

            if (World.Exists(authority))
            {
                World.AddRefund(GasCosts.PerEmptyAccount - GasCosts.PerAuthBase);
            }

            World.SetNonce(authority, authorization.Nonce + 1);
            World.SetCode(authority, authorization.Address.IsZero ? [] : Delegation.Create(authorization.Address));
        }
    }

    private static bool HasOnlyDelegationOrNoCode(WorldState world, Address sender)
    {
        var hash = world.GetCodeHash(sender);
        return hash == Keccak256.OfEmpty || Delegation.TryGetTarget(world.GetCode(sender), out _);
    }
}
