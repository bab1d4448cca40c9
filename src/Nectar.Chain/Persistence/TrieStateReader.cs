using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.State;
using Nectar.Trie;

namespace Nectar.Chain.Persistence;

/// <summary>
/// Reads the state of one block through its tries, from the block's state root: the account trie, then the account's
/// storage trie. Trie nodes are stored by hash and never rewritten, so what it reads is exactly the block's state
/// whatever the writer commits meanwhile; it serves older blocks and the head while a commit is in flight.
/// </summary>
/// <remarks>
/// Thread-safe: the tries it opens (and the nodes they load) are shared under a lock. The tries come from the state
/// store (<see cref="StateStore.OpenTrie"/>) with its node cache, so a reader made for one lookup costs no store reads
/// on the hot upper levels.
/// </remarks>
internal sealed class TrieStateReader : IStateReader
{
    private readonly Lock _gate = new();
    private readonly StateStore _store;
    private readonly SecureTrie _accounts;
    private readonly Dictionary<Hash256, SecureTrie> _storage = [];

    public TrieStateReader(StateStore store, Hash256 stateRoot)
    {
        _store = store;
        _accounts = store.OpenTrie(stateRoot);
    }

    public bool TryGetAccount(Address address, out Account account)
    {
        lock (_gate)
        {
            if (_accounts.TryGet(address.Bytes, out var encoded))
            {
                account = Account.Decode(encoded);
                return true;
            }
        }

        account = default;
        return false;
    }

    public UInt256 GetStorage(Address address, in UInt256 slot)
    {
        if (!TryGetAccount(address, out var account) || !account.HasStorage)
        {
            return UInt256.Zero;
        }

        Span<byte> key = stackalloc byte[32];
        slot.ToBigEndian(key);
        lock (_gate)
        {
            if (!_storage.TryGetValue(account.StorageRoot, out var trie))
            {
                trie = _store.OpenTrie(account.StorageRoot);
                _storage.Add(account.StorageRoot, trie);
            }

            if (!trie.TryGet(key, out var encoded))
            {
                return UInt256.Zero;
            }

            return new RlpReader(encoded).ReadUInt256();
        }
    }

    // Code is stored by hash and never removed: the store's code column is right for every block.
    public byte[]? GetCode(in Hash256 codeHash) => _store.GetCode(codeHash);
}
