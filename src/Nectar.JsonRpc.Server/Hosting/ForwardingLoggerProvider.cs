using Microsoft.Extensions.Logging;

namespace Nectar.JsonRpc.Server.Hosting;

/// <summary>Hands the web host's own log categories to the node's logger factory (after the host's level filters).</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    public void Dispose()
    {
        // The target factory belongs to the node.
    }
}
