using System.Collections.Concurrent;

namespace Nectar.Chain.Tests.TxPool.Support;

/// <summary>Test accounts, derived once each (key to address costs a curve multiplication).</summary>
internal static class Accounts
{
    private static readonly ConcurrentDictionary<int, TestAccount> Cache = new();

    public static TestAccount Get(int index) => Cache.GetOrAdd(index, TestAccount.Create);
}
