using System.Collections.Concurrent;
using Nectar.Core.Primitives;
using Nectar.Privacy.Sessions;

namespace Nectar.Privacy.Tests.Sessions.Support;

/// <summary>An in-memory registry: admitted accounts with roles; can be told to fail like an unreachable registry.</summary>
public sealed class FakeAdmission : IAccountAdmission
{
    private readonly ConcurrentDictionary<Address, string[]> _admitted = new();
    private int _calls;

    public bool Unavailable { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public void Admit(Address account, params string[] roles) => _admitted[account] = roles;

    public void Withdraw(Address account) => _admitted.TryRemove(account, out _);

    public AccountAdmission GetAdmission(Address account)
    {
        Interlocked.Increment(ref _calls);
        if (Unavailable)
        {
            throw new InvalidOperationException("registry unreachable");
        }

        return _admitted.TryGetValue(account, out var roles) ? AccountAdmission.Admitted(roles) : AccountAdmission.NotAdmitted;
    }
}
