using System.Collections.Immutable;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Evm;
using Nectar.Evm.Tracing;

namespace Nectar.Chain.Simulation;

/// <summary>
/// Records the accounts and storage slots a message touches, for <c>eth_createAccessList</c>: every slot SLOAD or
/// SSTORE reads or writes, and every account BALANCE, EXTCODE*, SELFDESTRUCT or a call names, except the accounts
/// that are warm anyway. It starts from a given list and only ever adds to it, in the order things are first touched.
/// </summary>
internal sealed class AccessListTracer : ITxTracer
{
    private readonly List<Address> _order = [];
    private readonly Dictionary<Address, (List<Hash256> Keys, HashSet<Hash256> Seen)> _entries = [];
    private readonly IReadOnlySet<Address> _excluded;

    public AccessListTracer(ImmutableArray<AccessListItem> start, IReadOnlySet<Address> excluded)
    {
        _excluded = excluded;
        foreach (var item in start)
        {
            var entry = Entry(item.Address);
            foreach (var key in item.StorageKeys)
            {
                if (entry.Seen.Add(key))
                {
                    entry.Keys.Add(key);
                }
            }
        }
    }

    public bool TracesInstructions => true;

    public bool TracesCalls => false;

    public ImmutableArray<AccessListItem> ToAccessList()
    {
        var builder = ImmutableArray.CreateBuilder<AccessListItem>(_order.Count);
        foreach (var address in _order)
        {
            builder.Add(new AccessListItem(address, [.. _entries[address].Keys]));
        }

        return builder.MoveToImmutable();
    }

    public void StartInstruction(in InstructionStep step)
    {
        var stack = step.Stack;
        switch ((Opcode)step.Opcode)
        {
            case Opcode.SLOAD or Opcode.SSTORE when stack.Length >= 1:
                AddSlot(step.Address, stack[^1]);
                break;
            case Opcode.BALANCE or Opcode.EXTCODESIZE or Opcode.EXTCODECOPY or Opcode.EXTCODEHASH or Opcode.SELFDESTRUCT when stack.Length >= 1:
                AddAddress(ToAddress(stack[^1]));
                break;
            case Opcode.CALL or Opcode.CALLCODE or Opcode.DELEGATECALL or Opcode.STATICCALL when stack.Length >= 5:
                AddAddress(ToAddress(stack[^2]));
                break;
        }
    }

    public void EndInstruction(long gasCost, EvmError error)
    {
    }

    public void EnterCall(CallKind kind, Address from, Address to, in UInt256 value, long gas, ReadOnlySpan<byte> input, int depth)
    {
    }

    public void ExitCall(ReadOnlySpan<byte> output, long gasUsed, EvmError error)
    {
    }

    public void StartTransaction(long gasLimit)
    {
    }

    public void EndTransaction(long gasUsed, bool failed, ReadOnlySpan<byte> output)
    {
    }

    private void AddAddress(Address address)
    {
        if (!_excluded.Contains(address))
        {
            Entry(address);
        }
    }

    /// <summary>A slot is recorded even for an excluded account: the account is warm, its slots are not.</summary>
    private void AddSlot(Address address, in UInt256 slot)
    {
        Span<byte> key = stackalloc byte[32];
        slot.ToBigEndian(key);
        var hash = new Hash256(key);
        var entry = Entry(address);
        if (entry.Seen.Add(hash))
        {
            entry.Keys.Add(hash);
        }
    }

    private (List<Hash256> Keys, HashSet<Hash256> Seen) Entry(Address address)
    {
        if (!_entries.TryGetValue(address, out var entry))
        {
            entry = ([], []);
            _entries[address] = entry;
            _order.Add(address);
        }

        return entry;
    }

    private static Address ToAddress(in UInt256 word)
    {
        Span<byte> bytes = stackalloc byte[32];
        word.ToBigEndian(bytes);
        return new Address(bytes[12..]);
    }
}
