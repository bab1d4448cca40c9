using Nectar.JsonRpc.Dev;
using Nectar.JsonRpc.Tests.Logs.Support;

namespace Nectar.JsonRpc.Tests.Dev;

/// <summary>Development controls over a <see cref="TestChain"/>, recording every call the module makes.</summary>
internal sealed class FakeDevChainControls(TestChain chain) : IDevChainControls
{
    private readonly List<ulong> _snapshots = [];

    public List<string> Calls { get; } = [];

    public long Offset { get; private set; }

    public Task MineAsync(ulong count, ulong? timestamp, CancellationToken cancellationToken)
    {
        Calls.Add($"mine {count} {timestamp?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "now"}");
        for (var i = 0UL; i < count; i++)
        {
            chain.Mine();
        }

        return Task.CompletedTask;
    }

    public ulong Snapshot()
    {
        _snapshots.Add(chain.Head.Number);
        Calls.Add("snapshot");
        return (ulong)(_snapshots.Count - 1);
    }

    public bool Revert(ulong snapshotId)
    {
        Calls.Add($"revert {snapshotId}");
        if (snapshotId >= (ulong)_snapshots.Count)
        {
            return false;
        }

        chain.RevertTo(_snapshots[(int)snapshotId]);
        _snapshots.RemoveRange((int)snapshotId, _snapshots.Count - (int)snapshotId);
        return true;
    }

    public void SetNextBlockTimestamp(ulong timestamp) => Calls.Add($"next {timestamp}");

    public long IncreaseTime(ulong seconds)
    {
        Calls.Add($"increase {seconds}");
        Offset += (long)seconds;
        return Offset;
    }
}
