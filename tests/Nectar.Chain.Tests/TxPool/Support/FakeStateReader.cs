using System.Collections.Concurrent;
using Nectar.Chain.TxPool;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Chain.Tests.TxPool.Support;

/// <summary>Accounts in a dictionary; missing accounts read as empty.</summary>
internal sealed class FakeStateReader : IPoolStateReader
{
    private readonly ConcurrentDictionary<Address, PoolAccount> _accounts = new();
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public void Set(Address address, ulong nonce, UInt256 balance, AccountCode code = AccountCode.None) =>
        _accounts[address] = new PoolAccount(nonce, balance, code);

    public PoolAccount Get(Address address) => _accounts.TryGetValue(address, out var account) ? account : PoolAccount.Empty;

    public void SetNonce(Address address, ulong nonce) => _accounts[address] = Get(address) with { Nonce = nonce };

    public void SetBalance(Address address, UInt256 balance) => _accounts[address] = Get(address) with { Balance = balance };

    public void SetCode(Address address, AccountCode code) => _accounts[address] = Get(address) with { Code = code };

    public PoolAccount GetAccount(Address address)
    {
        Interlocked.Increment(ref _reads);
        return Get(address);
    }
}
