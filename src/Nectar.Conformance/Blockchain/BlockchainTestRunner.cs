using Nectar.Chain;
using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Storage;
using Nectar.Core.Blocks;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Crypto;

using ChainOfBlocks = Nectar.Chain.Tree.Blockchain;

namespace Nectar.Conformance.Blockchain;

/// <summary>
/// Runs blockchain tests: the genesis block decoded from <c>genesisRLP</c> must have the stated hash and the genesis
/// built from <c>pre</c> must have the stated state root and hash; every block is decoded from its RLP and imported
/// (blocks marked with an expected exception must be rejected, the others accepted); finally the head must be
/// <c>lastblockhash</c> and the state must hold exactly <c>postState</c> (or have <c>postStateHash</c> as its root).
/// Tests run in parallel, each over its own in-memory state; results keep the input order.
/// </summary>
public sealed partial class BlockchainTestRunner
{
    private const ulong ChainId = 1;

    private readonly BlockProcessor _processor;

    /// <summary>Creates a runner.</summary>
    /// <param name="secp256k1">The curve implementation (sender recovery, ecrecover).</param>
    public BlockchainTestRunner(ISecp256k1 secp256k1)
    {
        ArgumentNullException.ThrowIfNull(secp256k1);
        _processor = new BlockProcessor(secp256k1, ChainId);
    }

    /// <summary>Whether Nectar implements a test's network (transition networks such as "ShanghaiToCancunAtTime15k" are not).</summary>
    /// <param name="network">The network name.</param>
    /// <returns><see langword="true"/> for a supported network.</returns>
    public static bool IsSupported(string network) => ForkSpec.TryGet(network, out _);

    /// <summary>Runs tests in parallel over all cores.</summary>
    /// <param name="tests">The tests.</param>
    /// <returns>One result per test, in the same order.</returns>
    public IReadOnlyList<BlockchainTestResult> RunAll(IReadOnlyList<BlockchainTest> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var results = new BlockchainTestResult[tests.Count];
        Parallel.For(0, tests.Count, i => results[i] = Run(tests[i]));
        return results;
    }

    /// <summary>Runs one test.</summary>
    /// <param name="test">The test.</param>
    /// <returns>The result; unexpected exceptions become a failed result.</returns>
    public BlockchainTestResult Run(BlockchainTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (!ForkSpec.TryGet(test.Network, out var spec))
        {
            return Fail(test, default, $"Network {test.Network} is not supported.");
        }

        try
        {
            return RunCore(test, spec);
        }
#pragma warning disable CA1031 // a crashing test is reported as a failure, the run goes on
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Fail(test, default, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private BlockchainTestResult RunCore(BlockchainTest test, ForkSpec spec)
    {
        var decodedGenesis = BlockCodec.Decode(test.GenesisRlp);
        if (decodedGenesis.Hash != test.GenesisHash)
        {
            return Fail(test, default, $"genesisRLP hashes to {decodedGenesis.Hash}, not to the genesis header's hash {test.GenesisHash}.");
        }

        var state = StoreChainState.CreateInMemory();
        var genesis = GenesisBuilder.Build(test.Genesis, spec, state);
        if (genesis.Header.StateRoot != test.GenesisStateRoot)
        {
            return Fail(test, default, $"The genesis state from pre has root {genesis.Header.StateRoot}, not {test.GenesisStateRoot}.");
        }

        if (genesis.Hash != test.GenesisHash)
        {
            return Fail(test, default, $"The genesis header built from the fixture's fields hashes to {genesis.Hash}, not {test.GenesisHash}.");
        }

        var chain = new ChainOfBlocks(_processor, ForkSchedule.Single(spec), state, genesis);
        for (var i = 0; i < test.Blocks.Count; i++)
        {
            var error = ImportBlock(chain, test.Blocks[i], i);
            if (error is not null)
            {
                return Fail(test, chain.Head.Hash, error);
            }
        }

        var head = chain.Head;
        if (head.Hash != test.LastBlockHash)
        {
            return Fail(test, head.Hash, $"The head is {head.Hash}, not the expected last block {test.LastBlockHash}.");
        }

        var postError = CheckPostState(test, chain);
        return postError is null
            ? new BlockchainTestResult { Test = test, Pass = true, LastBlockHash = head.Hash }
            : Fail(test, head.Hash, postError);
    }

    /// <summary>Imports one fixture block; returns what went wrong, or null.</summary>
    private static string? ImportBlock(ChainOfBlocks chain, BlockchainTestBlock fixture, int index)
    {
        Block block;
        try
        {
            block = BlockCodec.Decode(fixture.Rlp);
        }
        catch (Exception exception) when (exception is RlpException or TransactionDecodingException)
        {
            return fixture.ExpectException is null ? $"Block {index} does not decode: {exception.Message}" : null;
        }

        var result = chain.Import(block);
        if (fixture.ExpectException is { } expected)
        {
            return result.IsValid ? $"Block {index} ({block.Hash}) was accepted; the fixture expects {expected}." : null;
        }

        return result.IsValid ? null : $"Block {index} ({block.Hash}) was rejected: {result.Error}: {result.Message}";
    }

    private static BlockchainTestResult Fail(BlockchainTest test, Hash256 lastBlockHash, string error) =>
        new() { Test = test, Pass = false, LastBlockHash = lastBlockHash, Error = error };
}
