using Nectar.Chain.Genesis;
using Nectar.Chain.Storage;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;

using ChainOfBlocks = Nectar.Chain.Tree.Blockchain;

namespace Nectar.Conformance.Blockchain;

public sealed partial class BlockchainTestRunner
{
    /// <summary>
    /// Every post-state account's balance, nonce, code and storage read back from the chain's state, and the root
    /// of the post-state as a whole equal to the head's root (so no account or slot beyond it exists).
    /// </summary>
    private static string? CheckPostState(BlockchainTest test, ChainOfBlocks chain)
    {
        var root = chain.State.StateRoot;
        if (test.PostStateHash is { } expectedRoot && root != expectedRoot)
        {
            return $"The state root is {root}, not the expected post-state hash {expectedRoot}.";
        }

        if (test.PostState is not { } post)
        {
            return null;
        }

        var world = chain.State.World;
        foreach (var (address, expected) in post)
        {
            if (!world.Exists(address))
            {
                return $"Account {address} does not exist.";
            }

            if (world.GetBalance(address) != expected.Balance)
            {
                return $"Account {address} has balance {world.GetBalance(address)}, not {expected.Balance}.";
            }

            if (world.GetNonce(address) != expected.Nonce)
            {
                return $"Account {address} has nonce {world.GetNonce(address)}, not {expected.Nonce}.";
            }

            if (!world.GetCode(address).AsSpan().SequenceEqual(expected.Code.Span))
            {
                return $"Account {address} has {world.GetCode(address).Length} bytes of code, not the expected {expected.Code.Length}.";
            }

            foreach (var (slot, value) in expected.Storage)
            {
                var actual = world.GetStorage(address, slot);
                if (actual != value)
                {
                    return $"Account {address} slot {slot} holds {actual}, not {value}.";
                }
            }
        }

        var postRoot = RootOf(post);
        return postRoot == root ? null : $"The state root is {root}, but the post-state accounts have root {postRoot}: the state holds accounts or slots the post-state lacks.";
    }

    private static Hash256 RootOf(IReadOnlyDictionary<Address, GenesisAccount> accounts)
    {
        var scratch = StoreChainState.CreateInMemory();
        return GenesisBuilder.Build(new GenesisSpec { Alloc = accounts }, ForkSpec.For(Fork.Frontier), scratch).Header.StateRoot;
    }
}
