using Nectar.Core.Specs;
using Nectar.Evm.Instructions;

namespace Nectar.Evm.Execution;

/// <summary>
/// The 256-entry dispatch table of each fork, built once: opcodes the fork lacks map to the invalid-instruction
/// handler, and fork-dependent static prices are baked in, so the dispatch loop never looks at the fork.
/// </summary>
internal static unsafe class OpcodeTable
{
    private static readonly OpcodeEntry[]?[] Tables = new OpcodeEntry[]?[Enum.GetValues<Fork>().Length];

    public static OpcodeEntry[] For(ForkSpec spec)
    {
        var index = (int)spec.Fork;
        return Tables[index] ??= Build(spec);
    }

    private static OpcodeEntry[] Build(ForkSpec spec)
    {
        var t = new OpcodeEntry[256];
        for (var i = 0; i < 256; i++)
        {
            t[i] = new OpcodeEntry { Handler = &Handlers.Invalid, Gas = 0, MinStack = 0, StackSpan = EvmFrame.StackLimit };
        }

        var berlin = spec.IsEip2929Enabled;
        var istanbul = spec.IsEip1884Enabled;
        var tangerine = spec.IsEip150Enabled;
        var balanceGas = berlin ? GasCosts.WarmAccess : istanbul ? 700 : tangerine ? 400 : 20;
        var extCodeGas = berlin ? GasCosts.WarmAccess : tangerine ? 700 : 20;
        var extCodeHashGas = berlin ? GasCosts.WarmAccess : istanbul ? 700 : 400;
        var sloadGas = berlin ? GasCosts.WarmAccess : istanbul ? 800 : tangerine ? 200 : 50;
        var callGas = berlin ? GasCosts.WarmAccess : tangerine ? 700 : 40;
        var selfDestructGas = tangerine ? 5_000 : 0;

        Set(t, Opcode.STOP, &Handlers.Stop, 0, 0, 0);
        Set(t, Opcode.ADD, &Handlers.Add, 3, 2, 1);
        Set(t, Opcode.MUL, &Handlers.Mul, 5, 2, 1);
        Set(t, Opcode.SUB, &Handlers.Sub, 3, 2, 1);
        Set(t, Opcode.DIV, &Handlers.Div, 5, 2, 1);
        Set(t, Opcode.SDIV, &Handlers.SDiv, 5, 2, 1);
        Set(t, Opcode.MOD, &Handlers.Mod, 5, 2, 1);
        Set(t, Opcode.SMOD, &Handlers.SMod, 5, 2, 1);
        Set(t, Opcode.ADDMOD, &Handlers.AddMod, 8, 3, 1);
        Set(t, Opcode.MULMOD, &Handlers.MulMod, 8, 3, 1);
        Set(t, Opcode.EXP, &Handlers.Exp, 10, 2, 1);
        Set(t, Opcode.SIGNEXTEND, &Handlers.SignExtend, 5, 2, 1);
        Set(t, Opcode.LT, &Handlers.Lt, 3, 2, 1);
        Set(t, Opcode.GT, &Handlers.Gt, 3, 2, 1);
        Set(t, Opcode.SLT, &Handlers.SLt, 3, 2, 1);
        Set(t, Opcode.SGT, &Handlers.SGt, 3, 2, 1);
        Set(t, Opcode.EQ, &Handlers.Eq, 3, 2, 1);
        Set(t, Opcode.ISZERO, &Handlers.IsZero, 3, 1, 1);
        Set(t, Opcode.AND, &Handlers.And, 3, 2, 1);
        Set(t, Opcode.OR, &Handlers.Or, 3, 2, 1);
        Set(t, Opcode.XOR, &Handlers.Xor, 3, 2, 1);
        Set(t, Opcode.NOT, &Handlers.Not, 3, 1, 1);
        Set(t, Opcode.BYTE, &Handlers.Byte, 3, 2, 1);
        if (spec.IsEip145Enabled)
        {
            Set(t, Opcode.SHL, &Handlers.Shl, 3, 2, 1);
            Set(t, Opcode.SHR, &Handlers.Shr, 3, 2, 1);
            Set(t, Opcode.SAR, &Handlers.Sar, 3, 2, 1);
        }

        Set(t, Opcode.KECCAK256, &Handlers.Keccak, 30, 2, 1);

        Set(t, Opcode.ADDRESS, &Handlers.Address, 2, 0, 1);
        Set(t, Opcode.BALANCE, &Handlers.Balance, balanceGas, 1, 1);
        Set(t, Opcode.ORIGIN, &Handlers.Origin, 2, 0, 1);
        Set(t, Opcode.CALLER, &Handlers.Caller, 2, 0, 1);
        Set(t, Opcode.CALLVALUE, &Handlers.CallValue, 2, 0, 1);
        Set(t, Opcode.CALLDATALOAD, &Handlers.CallDataLoad, 3, 1, 1);
        Set(t, Opcode.CALLDATASIZE, &Handlers.CallDataSize, 2, 0, 1);
        Set(t, Opcode.CALLDATACOPY, &Handlers.CallDataCopy, 3, 3, 0);
        Set(t, Opcode.CODESIZE, &Handlers.CodeSize, 2, 0, 1);
        Set(t, Opcode.CODECOPY, &Handlers.CodeCopy, 3, 3, 0);
        Set(t, Opcode.GASPRICE, &Handlers.GasPrice, 2, 0, 1);
        Set(t, Opcode.EXTCODESIZE, &Handlers.ExtCodeSize, extCodeGas, 1, 1);
        Set(t, Opcode.EXTCODECOPY, &Handlers.ExtCodeCopy, extCodeGas, 4, 0);
        if (spec.IsByzantiumEnabled)
        {
            Set(t, Opcode.RETURNDATASIZE, &Handlers.ReturnDataSize, 2, 0, 1);
            Set(t, Opcode.RETURNDATACOPY, &Handlers.ReturnDataCopy, 3, 3, 0);
        }

        if (spec.IsEip1052Enabled)
        {
            Set(t, Opcode.EXTCODEHASH, &Handlers.ExtCodeHash, extCodeHashGas, 1, 1);
        }

        Set(t, Opcode.BLOCKHASH, &Handlers.BlockHash, 20, 1, 1);
        Set(t, Opcode.COINBASE, &Handlers.Coinbase, 2, 0, 1);
        Set(t, Opcode.TIMESTAMP, &Handlers.Timestamp, 2, 0, 1);
        Set(t, Opcode.NUMBER, &Handlers.Number, 2, 0, 1);
        Set(t, Opcode.PREVRANDAO, spec.IsEip4399Enabled ? &Handlers.PrevRandao : &Handlers.Difficulty, 2, 0, 1);
        Set(t, Opcode.GASLIMIT, &Handlers.GasLimit, 2, 0, 1);
        if (spec.IsEip1344Enabled)
        {
            Set(t, Opcode.CHAINID, &Handlers.ChainId, 2, 0, 1);
        }

        if (spec.IsEip1884Enabled)
        {
            Set(t, Opcode.SELFBALANCE, &Handlers.SelfBalance, 5, 0, 1);
        }

        if (spec.IsEip3198Enabled)
        {
            Set(t, Opcode.BASEFEE, &Handlers.BaseFee, 2, 0, 1);
        }

        if (spec.IsEip4844Enabled)
        {
            Set(t, Opcode.BLOBHASH, &Handlers.BlobHash, 3, 1, 1);
        }

        if (spec.IsEip7516Enabled)
        {
            Set(t, Opcode.BLOBBASEFEE, &Handlers.BlobBaseFee, 2, 0, 1);
        }

        Set(t, Opcode.POP, &Handlers.Pop, 2, 1, 0);
        Set(t, Opcode.MLOAD, &Handlers.MLoad, 3, 1, 1);
        Set(t, Opcode.MSTORE, &Handlers.MStore, 3, 2, 0);
        Set(t, Opcode.MSTORE8, &Handlers.MStore8, 3, 2, 0);
        Set(t, Opcode.SLOAD, &Handlers.SLoad, sloadGas, 1, 1);
        Set(t, Opcode.SSTORE, &Handlers.SStore, 0, 2, 0);
        Set(t, Opcode.JUMP, &Handlers.Jump, 8, 1, 0);
        Set(t, Opcode.JUMPI, &Handlers.JumpI, 10, 2, 0);
        Set(t, Opcode.PC, &Handlers.Pc, 2, 0, 1);
        Set(t, Opcode.MSIZE, &Handlers.MSize, 2, 0, 1);
        Set(t, Opcode.GAS, &Handlers.Gas, 2, 0, 1);
        Set(t, Opcode.JUMPDEST, &Handlers.JumpDest, 1, 0, 0);
        if (spec.IsEip1153Enabled)
        {
            Set(t, Opcode.TLOAD, &Handlers.TLoad, 100, 1, 1);
            Set(t, Opcode.TSTORE, &Handlers.TStore, 100, 2, 0);
        }

        if (spec.IsEip5656Enabled)
        {
            Set(t, Opcode.MCOPY, &Handlers.MCopy, 3, 3, 0);
        }

        if (spec.IsEip3855Enabled)
        {
            Set(t, Opcode.PUSH0, &Handlers.Push0, 2, 0, 1);
        }

        SetPushes(t);
        SetDupsAndSwaps(t);

        Set(t, Opcode.LOG0, &Handlers.Log<C0>, 375, 2, 0);
        Set(t, Opcode.LOG1, &Handlers.Log<C1>, 750, 3, 0);
        Set(t, Opcode.LOG2, &Handlers.Log<C2>, 1_125, 4, 0);
        Set(t, Opcode.LOG3, &Handlers.Log<C3>, 1_500, 5, 0);
        Set(t, Opcode.LOG4, &Handlers.Log<C4>, 1_875, 6, 0);

        Set(t, Opcode.CREATE, &Handlers.Create, 32_000, 3, 1);
        Set(t, Opcode.CALL, &Handlers.Call, callGas, 7, 1);
        Set(t, Opcode.CALLCODE, &Handlers.CallCode, callGas, 7, 1);
        Set(t, Opcode.RETURN, &Handlers.Return, 0, 2, 0);
        if (spec.IsEip7Enabled)
        {
            Set(t, Opcode.DELEGATECALL, &Handlers.DelegateCall, callGas, 6, 1);
        }

        if (spec.IsEip1014Enabled)
        {
            Set(t, Opcode.CREATE2, &Handlers.Create2, 32_000, 4, 1);
        }

        if (spec.IsByzantiumEnabled)
        {
            Set(t, Opcode.STATICCALL, &Handlers.StaticCall, callGas, 6, 1);
            Set(t, Opcode.REVERT, &Handlers.Revert, 0, 2, 0);
        }

        Set(t, Opcode.INVALID, &Handlers.Invalid, 0, 0, 0);
        Set(t, Opcode.SELFDESTRUCT, &Handlers.SelfDestruct, selfDestructGas, 1, 0);
        return t;
    }

    private static void SetPushes(OpcodeEntry[] t)
    {
        Set(t, Opcode.PUSH1, &Handlers.Push1, 3, 0, 1);
        Set(t, Opcode.PUSH2, &Handlers.Push2, 3, 0, 1);
        Set(t, Opcode.PUSH3, &Handlers.Push<C3>, 3, 0, 1);
        Set(t, Opcode.PUSH4, &Handlers.Push<C4>, 3, 0, 1);
        Set(t, Opcode.PUSH5, &Handlers.Push<C5>, 3, 0, 1);
        Set(t, Opcode.PUSH6, &Handlers.Push<C6>, 3, 0, 1);
        Set(t, Opcode.PUSH7, &Handlers.Push<C7>, 3, 0, 1);
        Set(t, Opcode.PUSH8, &Handlers.Push<C8>, 3, 0, 1);
        Set(t, Opcode.PUSH9, &Handlers.Push<C9>, 3, 0, 1);
        Set(t, Opcode.PUSH10, &Handlers.Push<C10>, 3, 0, 1);
        Set(t, Opcode.PUSH11, &Handlers.Push<C11>, 3, 0, 1);
        Set(t, Opcode.PUSH12, &Handlers.Push<C12>, 3, 0, 1);
        Set(t, Opcode.PUSH13, &Handlers.Push<C13>, 3, 0, 1);
        Set(t, Opcode.PUSH14, &Handlers.Push<C14>, 3, 0, 1);
        Set(t, Opcode.PUSH15, &Handlers.Push<C15>, 3, 0, 1);
        Set(t, Opcode.PUSH16, &Handlers.Push<C16>, 3, 0, 1);
        Set(t, Opcode.PUSH17, &Handlers.Push<C17>, 3, 0, 1);
        Set(t, Opcode.PUSH18, &Handlers.Push<C18>, 3, 0, 1);
        Set(t, Opcode.PUSH19, &Handlers.Push<C19>, 3, 0, 1);
        Set(t, Opcode.PUSH20, &Handlers.Push<C20>, 3, 0, 1);
        Set(t, Opcode.PUSH21, &Handlers.Push<C21>, 3, 0, 1);
        Set(t, Opcode.PUSH22, &Handlers.Push<C22>, 3, 0, 1);
        Set(t, Opcode.PUSH23, &Handlers.Push<C23>, 3, 0, 1);
        Set(t, Opcode.PUSH24, &Handlers.Push<C24>, 3, 0, 1);
        Set(t, Opcode.PUSH25, &Handlers.Push<C25>, 3, 0, 1);
        Set(t, Opcode.PUSH26, &Handlers.Push<C26>, 3, 0, 1);
        Set(t, Opcode.PUSH27, &Handlers.Push<C27>, 3, 0, 1);
        Set(t, Opcode.PUSH28, &Handlers.Push<C28>, 3, 0, 1);
        Set(t, Opcode.PUSH29, &Handlers.Push<C29>, 3, 0, 1);
        Set(t, Opcode.PUSH30, &Handlers.Push<C30>, 3, 0, 1);
        Set(t, Opcode.PUSH31, &Handlers.Push<C31>, 3, 0, 1);
        Set(t, Opcode.PUSH32, &Handlers.Push32, 3, 0, 1);
    }

    private static void SetDupsAndSwaps(OpcodeEntry[] t)
    {
        Set(t, Opcode.DUP1, &Handlers.Dup<C1>, 3, 1, 2);
        Set(t, Opcode.DUP2, &Handlers.Dup<C2>, 3, 2, 3);
        Set(t, Opcode.DUP3, &Handlers.Dup<C3>, 3, 3, 4);
        Set(t, Opcode.DUP4, &Handlers.Dup<C4>, 3, 4, 5);
        Set(t, Opcode.DUP5, &Handlers.Dup<C5>, 3, 5, 6);
        Set(t, Opcode.DUP6, &Handlers.Dup<C6>, 3, 6, 7);
        Set(t, Opcode.DUP7, &Handlers.Dup<C7>, 3, 7, 8);
        Set(t, Opcode.DUP8, &Handlers.Dup<C8>, 3, 8, 9);
        Set(t, Opcode.DUP9, &Handlers.Dup<C9>, 3, 9, 10);
        Set(t, Opcode.DUP10, &Handlers.Dup<C10>, 3, 10, 11);
        Set(t, Opcode.DUP11, &Handlers.Dup<C11>, 3, 11, 12);
        Set(t, Opcode.DUP12, &Handlers.Dup<C12>, 3, 12, 13);
        Set(t, Opcode.DUP13, &Handlers.Dup<C13>, 3, 13, 14);
        Set(t, Opcode.DUP14, &Handlers.Dup<C14>, 3, 14, 15);
        Set(t, Opcode.DUP15, &Handlers.Dup<C15>, 3, 15, 16);
        Set(t, Opcode.DUP16, &Handlers.Dup<C16>, 3, 16, 17);
        Set(t, Opcode.SWAP1, &Handlers.Swap<C1>, 3, 2, 2);
        Set(t, Opcode.SWAP2, &Handlers.Swap<C2>, 3, 3, 3);
        Set(t, Opcode.SWAP3, &Handlers.Swap<C3>, 3, 4, 4);
        Set(t, Opcode.SWAP4, &Handlers.Swap<C4>, 3, 5, 5);
        Set(t, Opcode.SWAP5, &Handlers.Swap<C5>, 3, 6, 6);
        Set(t, Opcode.SWAP6, &Handlers.Swap<C6>, 3, 7, 7);
        Set(t, Opcode.SWAP7, &Handlers.Swap<C7>, 3, 8, 8);
        Set(t, Opcode.SWAP8, &Handlers.Swap<C8>, 3, 9, 9);
        Set(t, Opcode.SWAP9, &Handlers.Swap<C9>, 3, 10, 10);
        Set(t, Opcode.SWAP10, &Handlers.Swap<C10>, 3, 11, 11);
        Set(t, Opcode.SWAP11, &Handlers.Swap<C11>, 3, 12, 12);
        Set(t, Opcode.SWAP12, &Handlers.Swap<C12>, 3, 13, 13);
        Set(t, Opcode.SWAP13, &Handlers.Swap<C13>, 3, 14, 14);
        Set(t, Opcode.SWAP14, &Handlers.Swap<C14>, 3, 15, 15);
        Set(t, Opcode.SWAP15, &Handlers.Swap<C15>, 3, 16, 16);
        Set(t, Opcode.SWAP16, &Handlers.Swap<C16>, 3, 17, 17);
    }

    private static void Set(OpcodeEntry[] t, Opcode op, delegate*<ref ExecutionState, EvmStatus> handler, long gas, int pops, int pushes)
    {
        var growth = pushes - pops;
        t[(int)op] = new OpcodeEntry
        {
            Handler = handler,
            Gas = gas,
            MinStack = pops,
            StackSpan = (growth > 0 ? EvmFrame.StackLimit - growth : EvmFrame.StackLimit) - pops,
        };
    }
}
