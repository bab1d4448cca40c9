using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.State;

namespace Nectar.Chain.Persistence;

/// <summary>
/// Reads the state of the head block from the flat state (one key lookup per account or slot), and falls back to the
/// block's tries when a commit may have changed the flat state since the reader was made: the store's write version
/// is read before and after each flat read, as in a sequence lock. A reader therefore never mixes two blocks' state.
/// </summary>
internal sealed class HeadStateReader(ChainStore chain, StateStore flat, Hash256 stateRoot, long version) : IStateReader
{
    private TrieStateReader? _fallback;

    public bool TryGetAccount(Address address, out Account account)
    {
        if (chain.IsVersion(version))
        {
            var found = flat.TryGetAccount(address, out account);
            if (chain.IsVersionAfterRead(version))
            {
                return found;
            }
        }

        return Fallback().TryGetAccount(address, out account);
    }

    public UInt256 GetStorage(Address address, in UInt256 slot)
    {
        if (chain.IsVersion(version))
        {
            var value = flat.GetStorage(address, slot);
            if (chain.IsVersionAfterRead(version))
            {
                return value;
            }
        }

        return Fallback().GetStorage(address, slot);
    }

    // Code is stored by hash and never removed: the flat column is right for every block.
    public byte[]? GetCode(in Hash256 codeHash) => flat.GetCode(codeHash);

    private TrieStateReader Fallback()
    {
        var fallback = Volatile.Read(ref _fallback);
        if (fallback is null)
        {
            fallback = chain.OpenTrieReader(stateRoot);
            fallback = Interlocked.CompareExchange(ref _fallback, fallback, null) ?? fallback;
        }

        return fallback;
    }
}
