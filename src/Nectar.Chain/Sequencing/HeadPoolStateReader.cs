using Nectar.Chain.Reading;
using Nectar.Chain.TxPool;
using Nectar.Core.Primitives;

namespace Nectar.Chain.Sequencing;

/// <summary>
/// The transaction pool's view of accounts at the chain's head, over any <see cref="IChainReader"/> (the node's
/// chain store). The head moves before the sequencer reports it to the pool, as the pool requires.
/// </summary>
/// <param name="chain">The chain whose head state is read.</param>
public sealed class HeadPoolStateReader(IChainReader chain) : IPoolStateReader
{
    private const int DelegationLength = 23;

    /// <inheritdoc />
    public PoolAccount GetAccount(Address address)
    {
        // A revert racing this read can remove the block just looked up; the next head answers.
        var state = chain.GetState(chain.Head.Number) ?? chain.GetState(chain.Head.Number);
        if (state is null || !state.TryGetAccount(address, out var account))
        {
            return PoolAccount.Empty;
        }

        var code = AccountCode.None;
        if (account.HasCode)
        {
            var bytes = state.GetCode(account.CodeHash);
            code = bytes is { Length: DelegationLength } && bytes[0] == 0xef && bytes[1] == 0x01 && bytes[2] == 0x00
                ? AccountCode.Delegation
                : AccountCode.Contract;
        }

        return new PoolAccount(account.Nonce, account.Balance, code);
    }
}
