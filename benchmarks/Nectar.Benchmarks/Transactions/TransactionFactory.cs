using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Benchmarks.Transactions;

/// <summary>Typical transactions for the benchmarks.</summary>
internal static class TransactionFactory
{
    private static readonly Address Token = Address.Parse("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48");

    /// <summary>A type-2 ERC-20 transfer: 68 bytes of call data and the token in the access list with two slots.</summary>
    public static Transaction Erc20Transfer(ulong nonce)
    {
        var data = new byte[68];
        data[0] = 0xa9;
        data[1] = 0x05;
        data[2] = 0x9c;
        data[3] = 0xbb;
        data[35] = 0x42;
        data[66] = 0x03;
        data[67] = 0xe8;
        return new Transaction
        {
            Type = TransactionType.DynamicFee,
            ChainId = UInt256.One,
            Nonce = nonce,
            MaxPriorityFeePerGas = 1_000_000_000UL,
            MaxFeePerGas = 30_000_000_000UL,
            GasLimit = 65_000,
            To = Token,
            Data = data,
            AccessList = [new AccessListItem(Token, [Hash256.Zero, Hash256.EmptyTrieRoot])],
        };
    }
}
