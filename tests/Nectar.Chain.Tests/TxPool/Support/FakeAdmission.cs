using System.Collections.Concurrent;
using Nectar.Chain.Admission;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Tests.TxPool.Support;

/// <summary>Admits everyone except the senders refused explicitly.</summary>
internal sealed class FakeAdmission : ITransactionAdmission
{
    private readonly ConcurrentDictionary<Address, string> _refused = new();
    private int _checks;

    public int Checks => Volatile.Read(ref _checks);

    public void Refuse(Address sender, string reason) => _refused[sender] = reason;

    public void Allow(Address sender) => _refused.TryRemove(sender, out _);

    /// <summary>The account whose state decisions are taken to read, as a registry's; none by default.</summary>
    public Address? Registry { get; set; }

    public bool DependsOn(Address account) => account == Registry;

    public AdmissionDecision Check(Address sender, Transaction transaction)
    {
        Interlocked.Increment(ref _checks);
        return _refused.TryGetValue(sender, out var reason) ? AdmissionDecision.Refused(reason) : AdmissionDecision.Allowed;
    }
}
