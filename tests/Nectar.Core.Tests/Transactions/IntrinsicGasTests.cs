using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;

namespace Nectar.Core.Tests.Transactions;

public sealed class IntrinsicGasTests
{
    private static readonly ForkSpec Frontier = ForkSpec.For(Fork.Frontier);
    private static readonly ForkSpec Homestead = ForkSpec.For(Fork.Homestead);
    private static readonly ForkSpec Petersburg = ForkSpec.For(Fork.Petersburg);
    private static readonly ForkSpec Istanbul = ForkSpec.For(Fork.Istanbul);
    private static readonly ForkSpec Paris = ForkSpec.For(Fork.Paris);
    private static readonly ForkSpec Shanghai = ForkSpec.For(Fork.Shanghai);
    private static readonly ForkSpec Cancun = ForkSpec.For(Fork.Cancun);
    private static readonly ForkSpec Prague = ForkSpec.For(Fork.Prague);

    [Fact]
    public void A_plain_transfer_costs_21000_in_every_fork()
    {
        foreach (var fork in Enum.GetValues<Fork>())
        {
            Assert.Equal(21_000UL, IntrinsicGas.Calculate(new Transaction { To = Address.Zero }, ForkSpec.For(fork)));
        }
    }

    [Fact]
    public void Contract_creation_costs_32000_more_from_Homestead()
    {
        var creation = new Transaction();
        Assert.Equal(21_000UL, IntrinsicGas.Calculate(creation, Frontier));
        Assert.Equal(53_000UL, IntrinsicGas.Calculate(creation, Homestead));
        Assert.Equal(53_000UL, IntrinsicGas.Calculate(creation, Cancun));
    }

    [Fact]
    public void Non_zero_calldata_costs_68_before_Istanbul_and_16_after()
    {
        var transaction = new Transaction { To = Address.Zero, Data = new byte[] { 0, 1, 0, 2, 3 } };
        Assert.Equal(21_000UL + (2 * 4) + (3 * 68), IntrinsicGas.Calculate(transaction, Petersburg));
        Assert.Equal(21_000UL + (2 * 4) + (3 * 16), IntrinsicGas.Calculate(transaction, Istanbul));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2)]
    [InlineData(32, 2)]
    [InlineData(33, 4)]
    [InlineData(64, 4)]
    [InlineData(49_152, 3_072)]
    public void Initcode_costs_2_per_word_from_Shanghai(int length, ulong wordCost)
    {
        var creation = new Transaction { Data = new byte[length] };
        var withoutWords = 53_000UL + (4UL * (ulong)length);
        Assert.Equal(withoutWords, IntrinsicGas.Calculate(creation, Paris));
        Assert.Equal(withoutWords + wordCost, IntrinsicGas.Calculate(creation, Shanghai));
        Assert.Equal(withoutWords, IntrinsicGas.Calculate(new Transaction { To = Address.Zero, Data = new byte[length] }, Shanghai) + 32_000);
    }

    [Fact]
    public void Access_list_costs_2400_per_address_and_1900_per_key()
    {
        var transaction = new Transaction
        {
            Type = TransactionType.AccessList,
            To = Address.Zero,
            AccessList =
            [
                new AccessListItem(Address.Zero, [Hash256.Zero, Hash256.EmptyTrieRoot]),
                new AccessListItem(Address.Zero, [Hash256.Zero]),
                new AccessListItem(Address.Zero, []),
            ],
        };
        Assert.Equal(21_000UL + (3 * 2_400) + (3 * 1_900), IntrinsicGas.Calculate(transaction, Cancun));
    }

    [Fact]
    public void Each_authorization_costs_25000()
    {
        var authorization = new Authorization(1, Address.Zero, 0, 0, 1, 1);
        var transaction = new Transaction { Type = TransactionType.SetCode, To = Address.Zero, AuthorizationList = [authorization, authorization] };
        Assert.Equal(71_000UL, IntrinsicGas.Calculate(transaction, Prague));
    }

    [Fact]
    public void The_parts_overload_matches_the_transaction_overload()
    {
        var random = new Random(77);
        foreach (var type in new[] { TransactionType.Legacy, TransactionType.AccessList, TransactionType.DynamicFee, TransactionType.SetCode })
        {
            for (var i = 0; i < 50; i++)
            {
                var transaction = TransactionSamples.Random(random, type);
                var keys = transaction.AccessList.Sum(item => item.StorageKeys.Length);
                var expected = IntrinsicGas.Calculate(
                    transaction.Data.Span, transaction.IsContractCreation, transaction.AccessList.Length, keys, transaction.AuthorizationList.Length, Prague);
                Assert.Equal(expected, IntrinsicGas.Calculate(transaction, Prague));
                Assert.Equal(Reference(transaction), expected);
            }
        }
    }

    [Fact]
    public void Calldata_floor_is_21000_plus_10_per_token()
    {
        byte[] data = [0, 0, 0, 7, 8];
        Assert.Equal(3UL + (2 * 4), IntrinsicGas.CalldataTokens(data));
        Assert.Equal(21_000UL + (11 * 10), IntrinsicGas.CalldataFloor(data));
        Assert.Equal(21_000UL, IntrinsicGas.CalldataFloor([]));
    }

    [Fact]
    public void Minimum_gas_limit_takes_the_floor_only_from_Prague()
    {
        var transaction = new Transaction { To = Address.Zero, Data = Enumerable.Repeat((byte)0xff, 1_000).ToArray() };
        Assert.Equal(37_000UL, IntrinsicGas.MinimumGasLimit(transaction, Cancun));
        Assert.Equal(61_000UL, IntrinsicGas.MinimumGasLimit(transaction, Prague));

        // With an access list the intrinsic gas passes the floor again.
        var heavy = new Transaction
        {
            Type = TransactionType.AccessList,
            To = Address.Zero,
            Data = new byte[] { 1 },
            AccessList = [new AccessListItem(Address.Zero, [Hash256.Zero])],
        };
        Assert.Equal(21_000UL + 16 + 2_400 + 1_900, IntrinsicGas.MinimumGasLimit(heavy, Prague));
    }

    /// <summary>The rule written out byte by byte for the Prague schedule.</summary>
    private static ulong Reference(Transaction transaction)
    {
        ulong gas = 21_000;
        foreach (var b in transaction.Data.Span)
        {
            gas += b == 0 ? 4UL : 16UL;
        }

        if (transaction.IsContractCreation)
        {
            gas += 32_000 + (2 * (ulong)((transaction.Data.Length + 31) / 32));
        }

        foreach (var item in transaction.AccessList)
        {
            gas += 2_400 + (1_900 * (ulong)item.StorageKeys.Length);
        }

        return gas + (25_000 * (ulong)transaction.AuthorizationList.Length);
    }
}
