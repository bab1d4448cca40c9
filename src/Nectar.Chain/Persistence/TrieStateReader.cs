using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Db;
using Nectar.State;
using Nectar.Trie;

namespace Nectar.Chain.Persistence;

/// <summary>
/// Reads the state of one block through its tries, from the block's state root: the account trie, then the account's
/// storage trie. Trie nodes are stored by hash and never rewritten, so what it reads is exactly the block's state
/// whatever the writer commits meanwhile; it serves older blocks and the head while a commit is in flight.
/// </summary>
/// <remarks>
/// Thread-safe: the tries it opens (and the nodes they load) are shared under a lock. Nodes come from the state's
/// node cache when they are there, so a reader made for one lookup costs no store reads on the hot upper levels.
/// </remarks>
internal sealed class TrieStateReader : IStateReader
{
    private readonly Lock _gate = new();
    private readonly IKeyValueStore _nodes;
    private readonly TrieNodeCache _cache;
    private readonly IKeyValueStore _code;
    private readonly SecureTrie _accounts;
    private readonly Dictionary<Hash256, SecureTrie> _storage = [];

    public TrieStateReader(IKeyValueStore nodes, TrieNodeCache cache, IKeyValueStore code, Hash256 stateRoot)
    {
        _nodes = nodes;
        _cache = cache;
        _code = code;
        _accounts = Open(nodes, cache, stateRoot);
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
                trie = Open(_nodes, _cache, account.StorageRoot);
                _storage.Add(account.StorageRoot, trie);
            }

            if (!trie.TryGet(key, out var encoded))
            {
                return UInt256.Zero;
            }

            return new RlpReader(encoded).ReadUInt256();
        }
    }

    public byte[]? GetCode(in Hash256 codeHash) => codeHash == Keccak256.OfEmpty ? [] : _code.Get(codeHash.Bytes);

    private static SecureTrie Open(IKeyValueStore nodes, TrieNodeCache cache, in Hash256 root) =>
        root == Hash256.EmptyTrieRoot ? new SecureTrie(nodes, cache) : new SecureTrie(nodes, root, cache);
}
