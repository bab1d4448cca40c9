using Nectar.Core.Primitives;
using Nectar.Evm.Execution;

namespace Nectar.Evm;

public sealed partial class VirtualMachine
{
    /// <summary>EIP-2929: the extra cost of a cold account for BALANCE, EXTCODE* (the warm price is static).</summary>
    internal bool ChargeAccountAccess(ref ExecutionState s, Address address) =>
        !Spec.IsEip2929Enabled || !World.WarmUp(address) || s.Charge(GasCosts.ColdAccountAccessExtra);

    /// <summary>
    /// SSTORE with the fork's metering: the flat pre-Istanbul rule, or net metering (EIP-1283 in Constantinople,
    /// EIP-2200 from Istanbul with the 2,300 sentry) adjusted by EIP-2929 access costs and EIP-3529 refunds.
    /// </summary>
    internal EvmStatus SStore(ref ExecutionState s)
    {
        var frame = s.Frame;
        if (frame.IsStatic)
        {
            return EvmStatus.StaticStateChange;
        }

        if (Spec.IsEip2200Enabled && s.Gas <= GasCosts.SstoreSentry)
        {
            return EvmStatus.OutOfGas;
        }

        ref var key = ref s.Peek(0);
        var value = s.Peek(1);
        s.Sp -= 2;
        var slot = World.GetStorageSlot(frame.Address, in key);
        long cost = 0;
        if (Spec.IsEip2929Enabled && World.WarmUp(slot))
        {
            cost += GasCosts.ColdSload;
        }

        var current = slot.Current;
        long refund = 0;
        if (Spec.IsEip2200Enabled || Spec.IsEip1283Enabled)
        {
            long sloadGas = Spec.IsEip2929Enabled ? GasCosts.WarmAccess : Spec.IsEip2200Enabled ? 800 : 200;
            var resetGas = Spec.IsEip2929Enabled ? GasCosts.SstoreReset - GasCosts.ColdSload : GasCosts.SstoreReset;
            var clears = Spec.IsEip3529Enabled ? GasCosts.SstoreClearsRefundLondon : GasCosts.SstoreClearsRefund;
            var original = slot.Original;
            if (current == value)
            {
                cost += sloadGas;
            }
            else if (original == current)
            {
                if (original.IsZero)
                {
                    cost += GasCosts.SstoreSet;
                }
                else
                {
                    cost += resetGas;
                    if (value.IsZero)
                    {
                        refund += clears;
                    }
                }
            }
            else
            {
                cost += sloadGas;
                if (!original.IsZero)
                {
                    if (current.IsZero)
                    {
                        refund -= clears;
                    }
                    else if (value.IsZero)
                    {
                        refund += clears;
                    }
                }

                if (original == value)
                {
                    refund += original.IsZero ? GasCosts.SstoreSet - sloadGas : resetGas - sloadGas;
                }
            }
        }
        else if (current.IsZero && !value.IsZero)
        {
            cost += GasCosts.SstoreSet;
        }
        else
        {
            cost += GasCosts.SstoreReset;
            if (!current.IsZero && value.IsZero)
            {
                refund += GasCosts.SstoreClearsRefund;
            }
        }

        if (!s.Charge(cost))
        {
            return EvmStatus.OutOfGas;
        }

        if (refund > 0)
        {
            World.AddRefund(refund);
        }
        else if (refund < 0)
        {
            World.SubtractRefund(-refund);
        }

        World.SetStorage(slot, in value);
        return EvmStatus.Continue;
    }

    /// <summary>
    /// SELFDESTRUCT: the balance goes to the beneficiary; the account is deleted at the end of the transaction, but
    /// from Cancun (EIP-6780) only when it was created in the same transaction.
    /// </summary>
    internal EvmStatus SelfDestruct(ref ExecutionState s)
    {
        var frame = s.Frame;
        if (frame.IsStatic)
        {
            return EvmStatus.StaticStateChange;
        }

        var beneficiary = Words.ToAddress(in s.Peek(0));
        s.Sp--;
        var self = frame.Address;
        var balance = World.GetBalance(self);
        long cost = 0;
        if (Spec.IsEip2929Enabled && World.WarmUp(beneficiary))
        {
            cost += GasCosts.ColdAccountAccess;
        }

        if (Spec.IsEip158Enabled)
        {
            if (!balance.IsZero && World.IsDead(beneficiary))
            {
                cost += GasCosts.NewAccount;
            }
        }
        else if (Spec.IsEip150Enabled && !World.Exists(beneficiary))
        {
            cost += GasCosts.NewAccount;
        }

        if (!s.Charge(cost))
        {
            return EvmStatus.OutOfGas;
        }

        if (!Spec.IsEip3529Enabled && !World.IsSelfDestructed(self))
        {
            World.AddRefund(GasCosts.SelfDestructRefund);
        }

        if (Spec.IsEip6780Enabled)
        {
            World.SubtractBalance(self, balance);
            World.AddBalance(beneficiary, balance);
            if (World.IsCreatedInTransaction(self))
            {
                World.MarkSelfDestructed(self);
                World.SubtractBalance(self, World.GetBalance(self));
            }
        }
        else
        {
            World.AddBalance(beneficiary, balance);
            World.MarkSelfDestructed(self);
            World.SubtractBalance(self, World.GetBalance(self));
        }

        return EvmStatus.SelfDestruct;
    }

}
