using System.Collections.Concurrent;
using System.Text;
using Nectar.JsonRpc.Subscriptions;

namespace Nectar.JsonRpc.Tests.Support;

/// <summary>A transport that records sent messages; it can stall sends to play a client that stopped reading.</summary>
internal sealed class RecordingTransport : IRpcConnectionTransport
{
    private readonly TaskCompletionSource _unblock = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RecordingTransport(bool stalled = false)
    {
        if (!stalled)
        {
            _unblock.SetResult();
        }
    }

    public ConcurrentQueue<string> Sent { get; } = new();

    public RpcCloseReason? ClosedWith { get; private set; }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _unblock.Task.WaitAsync(cancellationToken);
        Sent.Enqueue(Encoding.UTF8.GetString(message.Span));
    }

    public void Close(RpcCloseReason reason) => ClosedWith ??= reason;
}
