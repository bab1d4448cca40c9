using Nectar.Chain.Reading;
using Nectar.Chain.Simulation;
using Nectar.Chain.TxPool;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Json;
using Nectar.Privacy.Access;
using Nectar.State;

namespace Nectar.JsonRpc.Eth;

/// <summary>
/// The implementation of <see cref="IEthRpcModule"/> over the chain reader, the transaction pool and the simulator.
/// Every read asks the <see cref="IReadAuthorizer"/> and nothing else; a denied read is answered exactly as the
/// missing object would be (null, zero, empty), so a refusal never reveals that something exists.
/// </summary>
/// <remarks>Thread-safe: it holds no state of its own between calls.</remarks>
public sealed partial class EthRpcModule : IEthRpcModule
{
    private readonly IChainReader _chain;
    private readonly TransactionPool _pool;
    private readonly CallSimulator _simulator;
    private readonly IReadAuthorizer _authorizer;
    private readonly EthRpcOptions _options;

    /// <summary>Creates the module.</summary>
    /// <param name="chain">Blocks, receipts and state.</param>
    /// <param name="pool">Where <c>eth_sendRawTransaction</c> submits, and where pending transactions are found.</param>
    /// <param name="simulator">Executes calls, estimates and access lists (it carries the chain id and fork schedule).</param>
    /// <param name="authorizer">Decides every read.</param>
    /// <param name="options">Settings; <see cref="EthRpcOptions.Default"/> when omitted.</param>
    public EthRpcModule(IChainReader chain, TransactionPool pool, CallSimulator simulator, IReadAuthorizer authorizer, EthRpcOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(authorizer);
        _chain = chain;
        _pool = pool;
        _simulator = simulator;
        _authorizer = authorizer;
        _options = options ?? EthRpcOptions.Default;
    }

    /// <inheritdoc />
    public ulong ChainId() => _simulator.ChainId;

    /// <inheritdoc />
    public ulong BlockNumber() => _chain.Head.Number;

    /// <inheritdoc />
    public bool Syncing() => false;

    /// <inheritdoc />
    public Address[] Accounts() => [];

    private static ReadCaller Caller(RpcCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequirePrincipal().ToReadCaller();
    }

    /// <summary>
    /// The canonical header a block parameter names, or <see langword="null"/>. There is no pending block: <c>pending</c>
    /// is the head. A hash names a block only while it is canonical, because state is kept for canonical blocks only;
    /// with <c>requireCanonical</c> a known side-branch block is an error, as in go-ethereum.
    /// </summary>
    private BlockHeader? FindHeader(BlockParameter block)
    {
        switch (block.Kind)
        {
            case BlockParameterKind.Latest or BlockParameterKind.Pending:
                return _chain.Head;
            case BlockParameterKind.Safe:
                return _chain.Safe;
            case BlockParameterKind.Finalized:
                return _chain.Finalized;
            case BlockParameterKind.Earliest:
                return _chain.FindHeader(0UL);
            case BlockParameterKind.Number:
                return _chain.FindHeader(block.Number);
            default:
                var hash = block.Hash;
                if (_chain.FindHeader(hash) is not { } header)
                {
                    return null;
                }

                if (_chain.FindHeader(header.Number)?.Hash == hash)
                {
                    return header;
                }

                return block.RequireCanonical ? throw new RpcException(RpcErrorCodes.ServerError, $"hash {hash} is not currently canonical") : null;
        }
    }

    /// <summary>The header a state query names; an unknown block is go-ethereum's "header not found".</summary>
    private BlockHeader RequireHeader(BlockParameter block) =>
        FindHeader(block) ?? throw new RpcException(RpcErrorCodes.ServerError, block.Kind == BlockParameterKind.Hash ? EthErrors.HeaderForHashNotFound : EthErrors.HeaderNotFound);

    private IStateReader StateAt(BlockHeader header) =>
        _chain.GetState(header.Number) ?? throw new RpcException(RpcErrorCodes.ServerError, EthErrors.StateUnavailable(header.Number));
}
