using Nectar.Chain.Sequencing;
using Nectar.JsonRpc.Server.Health;

namespace Nectar.Node.Hosting;

/// <summary>
/// Readiness behind <c>/health/ready</c>: ready while the node runs and its sequencer produces blocks; not ready while
/// it is stopping or when the sequencer's loop has ended.
/// </summary>
/// <param name="sequencer">The sequencer.</param>
internal sealed class NodeHealthProbe(Sequencer sequencer) : IRpcHealthProbe
{
    private volatile bool _stopping;

    public void MarkStopping() => _stopping = true;

    public ValueTask<RpcReadiness> CheckReadinessAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(
            _stopping ? new RpcReadiness(false, "stopping")
            : !sequencer.IsRunning ? new RpcReadiness(false, "sequencer stopped")
            : RpcReadiness.Ready);
}
