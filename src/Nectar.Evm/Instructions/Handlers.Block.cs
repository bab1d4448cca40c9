using Nectar.Core.Numerics;
using Nectar.Evm.Execution;

namespace Nectar.Evm.Instructions;

internal static partial class Handlers
{
    public static EvmStatus BlockHash(ref ExecutionState s)
    {
        ref var number = ref s.Peek(0);
        var block = s.Vm.Block;
        var current = block.Number;
        if (number.IsUInt64 && number.U0 < current && number.U0 + 256 >= current && block.BlockHashes is { } hashes)
        {
            number = Words.FromHash(hashes.GetBlockHash(number.U0));
        }
        else
        {
            number = default;
        }

        return EvmStatus.Continue;
    }

    public static EvmStatus Coinbase(ref ExecutionState s)
    {
        s.Push(s.Vm.Block.Coinbase);
        return EvmStatus.Continue;
    }

    public static EvmStatus Timestamp(ref ExecutionState s)
    {
        s.Push(s.Vm.Block.Timestamp);
        return EvmStatus.Continue;
    }

    public static EvmStatus Number(ref ExecutionState s)
    {
        s.Push(s.Vm.Block.Number);
        return EvmStatus.Continue;
    }

    public static EvmStatus Difficulty(ref ExecutionState s)
    {
        s.Push(s.Vm.Block.Difficulty);
        return EvmStatus.Continue;
    }

    public static EvmStatus PrevRandao(ref ExecutionState s)
    {
        s.Push(s.Vm.Block.PrevRandao);
        return EvmStatus.Continue;
    }

    public static EvmStatus GasLimit(ref ExecutionState s)
    {
        s.Push((ulong)s.Vm.Block.GasLimit);
        return EvmStatus.Continue;
    }

    public static EvmStatus ChainId(ref ExecutionState s)
    {
        s.Push(s.Vm.Block.ChainId);
        return EvmStatus.Continue;
    }

    public static EvmStatus SelfBalance(ref ExecutionState s)
    {
        s.Push(s.Vm.World.GetBalance(s.Frame.Address));
        return EvmStatus.Continue;
    }

    public static EvmStatus BaseFee(ref ExecutionState s)
    {
        s.Push(s.Vm.Block.BaseFee);
        return EvmStatus.Continue;
    }

    public static EvmStatus BlobHash(ref ExecutionState s)
    {
        ref var index = ref s.Peek(0);
        var hashes = s.Vm.Tx.BlobVersionedHashes;
        index = index.IsUInt64 && index.U0 < (ulong)hashes.Count ? Words.FromHash(hashes[(int)index.U0]) : default(UInt256);
        return EvmStatus.Continue;
    }

    public static EvmStatus BlobBaseFee(ref ExecutionState s)
    {
        s.Push(s.Vm.Block.BlobBaseFee);
        return EvmStatus.Continue;
    }
}
