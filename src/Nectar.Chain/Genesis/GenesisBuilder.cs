using Nectar.Chain.Execution;
using Nectar.Chain.Storage;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;

namespace Nectar.Chain.Genesis;

/// <summary>Writes a genesis allocation into a state and builds the genesis block over its root.</summary>
public static class GenesisBuilder
{
    /// <summary>
    /// Creates the allocation's accounts in <paramref name="state"/>, commits them as the genesis block and returns
    /// that block (no transactions; an empty withdrawals list from Shanghai).
    /// </summary>
    /// <param name="genesis">The allocation and header fields.</param>
    /// <param name="spec">The genesis block's fork rules (which optional header fields it has).</param>
    /// <param name="state">An empty state.</param>
    /// <returns>The genesis block.</returns>
    /// <exception cref="InvalidOperationException">The state already holds a block.</exception>
    public static Block Build(GenesisSpec genesis, ForkSpec spec, IChainState state)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(state);
        if (state.BlockNumber is not null)
        {
            throw new InvalidOperationException($"The state already holds block {state.BlockNumber}; genesis goes into an empty state.");
        }

        var world = state.World;
        foreach (var (address, account) in genesis.Alloc)
        {
            world.CreateAccount(address);
            world.AddBalance(address, account.Balance);
            world.SetNonce(address, account.Nonce);
            if (!account.Code.IsEmpty)
            {
                world.SetCode(address, account.Code.ToArray());
            }

            foreach (var (slot, value) in account.Storage)
            {
                if (!value.IsZero)
                {
                    world.SetStorage(address, slot, value);
                }
            }
        }

        // Allocated accounts exist even when empty: genesis is not a transaction, so no state clearing applies.
        world.CommitTransaction(deleteEmptyAccounts: false);
        var stateRoot = state.Commit(genesis.Number);
        return new Block
        {
            Header = CreateHeader(genesis, spec, stateRoot),
            Withdrawals = spec.IsEip4895Enabled ? [] : null,
        };
    }

    /// <summary>The genesis header over a given state root.</summary>
    /// <param name="genesis">The header fields.</param>
    /// <param name="spec">The genesis block's fork rules.</param>
    /// <param name="stateRoot">The allocation's state root.</param>
    /// <returns>The header.</returns>
    public static BlockHeader CreateHeader(GenesisSpec genesis, ForkSpec spec, Hash256 stateRoot)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        ArgumentNullException.ThrowIfNull(spec);
        return new BlockHeader
        {
            ParentHash = genesis.ParentHash,
            OmmersHash = Hash256.EmptyListHash,
            Beneficiary = genesis.Coinbase,
            StateRoot = stateRoot,
            TransactionsRoot = Hash256.EmptyTrieRoot,
            ReceiptsRoot = Hash256.EmptyTrieRoot,
            Difficulty = genesis.Difficulty,
            Number = genesis.Number,
            GasLimit = genesis.GasLimit,
            GasUsed = genesis.GasUsed,
            Timestamp = genesis.Timestamp,
            ExtraData = genesis.ExtraData,
            MixHash = genesis.MixHash,
            Nonce = genesis.Nonce,
            BaseFeePerGas = spec.IsEip1559Enabled ? genesis.BaseFeePerGas ?? new(BaseFee.InitialBaseFee) : null,
            WithdrawalsRoot = spec.IsEip4895Enabled ? Hash256.EmptyTrieRoot : null,
            BlobGasUsed = spec.IsEip4844Enabled ? genesis.BlobGasUsed : null,
            ExcessBlobGas = spec.IsEip4844Enabled ? genesis.ExcessBlobGas : null,
            ParentBeaconBlockRoot = spec.IsEip4788Enabled ? genesis.ParentBeaconBlockRoot : null,
            RequestsHash = spec.IsEip7685Enabled ? ExecutionRequests.EmptyHash : null,
        };
    }
}
