using Nectar.JsonRpc.Server;
using Nectar.Node.Security;
using Nectar.Privacy.Sessions;

namespace Nectar.Node.Hosting;

/// <summary>The RPC side of a running node: the session service, its authenticator, the modules that hold resources, and the server.</summary>
internal sealed class RpcEndpoint(SessionService sessions, SessionRpcAuthenticator authenticator, IReadOnlyList<IDisposable> modules, JsonRpcServer server) : IAsyncDisposable
{
    public SessionService Sessions { get; } = sessions;

    public SessionRpcAuthenticator Authenticator { get; } = authenticator;

    public JsonRpcServer Server { get; } = server;

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync().ConfigureAwait(false);
        foreach (var module in modules)
        {
            module.Dispose();
        }

        Authenticator.Dispose();
        Sessions.Dispose();
    }
}
