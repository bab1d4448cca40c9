using System.Collections.Immutable;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Core.Tests.Transactions;

/// <summary>Transactions of every type with random fields, from a seeded generator so that failures replay.</summary>
internal static class TransactionSamples
{
    public static readonly Address Recipient = Address.Parse("0x3535353535353535353535353535353535353535");

    public static Transaction Random(Random random, TransactionType type)
    {
        var isCreation = type != TransactionType.SetCode && random.Next(5) == 0;
        var signed = random.Next(4) != 0;
        return new Transaction
        {
            Type = type,
            ChainId = type == TransactionType.Legacy && random.Next(2) == 0 ? null : RandomUInt256(random, 8),
            Nonce = RandomUInt64(random),
            GasPrice = RandomUInt256(random, 32),
            MaxPriorityFeePerGas = RandomUInt256(random, 32),
            GasLimit = RandomUInt64(random),
            To = isCreation ? null : RandomAddress(random),
            Value = RandomUInt256(random, 32),
            Data = RandomBytes(random, random.Next(4) == 0 ? random.Next(0, 2_000) : random.Next(0, 70)),
            AccessList = type == TransactionType.Legacy ? [] : RandomAccessList(random),
            AuthorizationList = type == TransactionType.SetCode ? RandomAuthorizations(random) : [],
            V = !signed ? UInt256.Zero : type == TransactionType.Legacy ? new UInt256((ulong)random.Next(27, 29)) : new UInt256((ulong)random.Next(2)),
            R = signed ? RandomUInt256(random, 32) : UInt256.Zero,
            S = signed ? RandomUInt256(random, 32) : UInt256.Zero,
        };
    }

    public static ImmutableArray<AccessListItem> RandomAccessList(Random random)
    {
        var count = random.Next(0, 4);
        var builder = ImmutableArray.CreateBuilder<AccessListItem>(count);
        for (var i = 0; i < count; i++)
        {
            var keys = new Hash256[random.Next(0, 4)];
            for (var k = 0; k < keys.Length; k++)
            {
                keys[k] = new Hash256(RandomBytes(random, 32));
            }

            builder.Add(new AccessListItem(RandomAddress(random), [.. keys]));
        }

        return builder.MoveToImmutable();
    }

    public static ImmutableArray<Authorization> RandomAuthorizations(Random random)
    {
        var count = random.Next(1, 4);
        var builder = ImmutableArray.CreateBuilder<Authorization>(count);
        for (var i = 0; i < count; i++)
        {
            builder.Add(new Authorization(
                RandomUInt256(random, 8), RandomAddress(random), RandomUInt64(random), (byte)random.Next(2),
                RandomUInt256(random, 32), RandomUInt256(random, 32)));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>A value of 0 to <paramref name="maxBytes"/> random bytes, so that every encoded width occurs.</summary>
    public static UInt256 RandomUInt256(Random random, int maxBytes) => new(RandomBytes(random, random.Next(0, maxBytes + 1)));

    public static ulong RandomUInt64(Random random)
    {
        var bytes = RandomBytes(random, random.Next(0, 9));
        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    public static Address RandomAddress(Random random) => new(RandomBytes(random, Address.Length));

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    public static void AssertSameFields(Transaction expected, Transaction actual)
    {
        Assert.Equal(expected.Type, actual.Type);
        if (expected.IsTyped)
        {
            Assert.Equal(expected.ChainId, actual.ChainId);
        }

        Assert.Equal(expected.Nonce, actual.Nonce);
        Assert.Equal(expected.GasPrice, actual.GasPrice);
        Assert.Equal(expected.MaxFeePerGas, actual.MaxFeePerGas);
        Assert.Equal(expected.MaxPriorityFeePerGas, actual.MaxPriorityFeePerGas);
        Assert.Equal(expected.GasLimit, actual.GasLimit);
        Assert.Equal(expected.To, actual.To);
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.Data.ToArray(), actual.Data.ToArray());
        Assert.Equal(expected.AccessList.ToArray(), actual.AccessList.ToArray());
        Assert.Equal(expected.AuthorizationList.ToArray(), actual.AuthorizationList.ToArray());
        Assert.Equal(expected.V, actual.V);
        Assert.Equal(expected.R, actual.R);
        Assert.Equal(expected.S, actual.S);
    }
}
