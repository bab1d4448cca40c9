namespace Nectar.JsonRpc.Server.Health;

/// <summary>The node's readiness check behind <c>/health/ready</c>; liveness needs no probe.</summary>
public interface IRpcHealthProbe
{
    /// <summary>Checks readiness quickly (no heavy work: load balancers poll it).</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The readiness.</returns>
    ValueTask<RpcReadiness> CheckReadinessAsync(CancellationToken cancellationToken);
}
