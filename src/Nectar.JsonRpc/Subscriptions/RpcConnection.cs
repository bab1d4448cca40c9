using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Nectar.JsonRpc.Authentication;
using Nectar.JsonRpc.Diagnostics;
using Nectar.JsonRpc.Dispatch;

namespace Nectar.JsonRpc.Subscriptions;

/// <summary>
/// A long-lived JSON-RPC connection (WebSocket), independent of the transport: it runs each incoming message through
/// the dispatcher, keeps the subscriptions, and owns one bounded, ordered outbound queue drained by
/// <see cref="RunSendLoopAsync"/>. A client whose queue fills up is disconnected (<see cref="RpcCloseReason.SlowConsumer"/>).
/// Created by <see cref="RpcConnectionRegistry.Open"/>, which also closes it when its session ends.
/// </summary>
public sealed partial class RpcConnection
{
    private readonly IRpcConnectionTransport _transport;
    private readonly RpcConnectionRegistry _registry;
    private readonly Channel<Outbound> _outbound;
    private readonly CancellationTokenSource _closed = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RpcSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly List<RpcSubscription> _awaitingActivation = [];
    private readonly ILogger _logger;
    private long _queuedBytes;
    private int _closeState;
    private ITimer? _expiry;
    private RpcPrincipal? _principal;
    private RpcAuthFailure _authFailure = RpcAuthFailure.MissingToken;

    internal RpcConnection(RpcConnectionRegistry registry, IRpcConnectionTransport transport, RpcTransportKind kind, IPAddress? remoteAddress)
    {
        _registry = registry;
        _transport = transport;
        Transport = kind;
        RemoteAddress = remoteAddress;
        Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _outbound = Channel.CreateBounded<Outbound>(new BoundedChannelOptions(Dispatcher.ConnectionOptions.MaxQueuedMessages)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _logger = Dispatcher.LoggerFactory.CreateLogger("Nectar.JsonRpc.Connection");
    }

    /// <summary>A random identifier for logs.</summary>
    public string Id { get; }

    /// <summary>The transport kind.</summary>
    public RpcTransportKind Transport { get; }

    /// <summary>The client's address, when known.</summary>
    public IPAddress? RemoteAddress { get; }

    /// <summary>The authenticated caller, or <see langword="null"/>.</summary>
    public RpcPrincipal? Principal => Volatile.Read(ref _principal);

    /// <summary>Why there is no principal.</summary>
    public RpcAuthFailure AuthFailure => _authFailure;

    /// <summary>Whether the connection has been closed.</summary>
    public bool IsClosed => Volatile.Read(ref _closeState) != 0;

    /// <summary>Why the connection was closed, once it is.</summary>
    public RpcCloseReason? CloseReason { get; private set; }

    /// <summary>Cancelled when the connection closes.</summary>
    public CancellationToken Closed => _closed.Token;

    /// <summary>The number of live subscriptions.</summary>
    public int SubscriptionCount
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <summary>The number of messages waiting to be sent.</summary>
    public int QueuedMessages => _outbound.Reader.Count;

    internal RpcDispatcher Dispatcher => _registry.Dispatcher;

    /// <summary>
    /// Authenticates the connection with a bearer token (at connect time, or later by <c>nectar_authenticate</c>). A
    /// connection stays bound to one account: a token for another account is refused. A new token for the same
    /// account replaces the old session (token refresh) and moves the expiry.
    /// </summary>
    /// <param name="token">The bearer token, or null/empty for none.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see cref="RpcAuthFailure.None"/> on success, else why the token was refused.</returns>
    /// <exception cref="RpcException">The token belongs to another account than the connection's.</exception>
    public async ValueTask<RpcAuthFailure> AuthenticateAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return RpcAuthFailure.MissingToken;
        }

        RpcAuthenticationResult result;
        try
        {
            result = await _registry.Authenticator.AuthenticateAsync(token, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Fail closed: an authenticator that cannot answer admits nobody. Its message may quote the token.
            RpcLog.AuthenticatorFailed(_logger, e.GetType().FullName ?? e.GetType().Name);
            result = RpcAuthenticationResult.Fail(RpcAuthFailure.InvalidToken);
        }

        var principal = result.Principal;
        var failure = result.Failure;
        if (principal is not null && principal.ExpiresAt <= Dispatcher.TimeProvider.GetUtcNow())
        {
            (principal, failure) = (null, RpcAuthFailure.ExpiredToken);
        }

        lock (_gate)
        {
            if (principal is null)
            {
                if (_principal is null)
                {
                    _authFailure = failure;
                }

                return failure;
            }

            if (_principal is { } current && current.Account != principal.Account)
            {
                throw RpcException.Forbidden("this connection is bound to another account");
            }

            _principal = principal;
            _authFailure = RpcAuthFailure.None;
            _expiry?.Dispose();
            var due = principal.ExpiresAt - Dispatcher.TimeProvider.GetUtcNow();
            _expiry = Dispatcher.TimeProvider.CreateTimer(
                static state => ((RpcConnection)state!).Close(RpcCloseReason.SessionExpired),
                this,
                due > TimeSpan.Zero ? due : TimeSpan.Zero,
                Timeout.InfiniteTimeSpan);
        }

        return RpcAuthFailure.None;
    }

    /// <summary>
    /// Runs one incoming message (a request or a batch) and queues its response; subscriptions it created start
    /// delivering only after that response. Call it for one message at a time per connection.
    /// </summary>
    /// <param name="message">The UTF-8 message.</param>
    /// <param name="cancellationToken">Cancelled when the transport goes away; closing the connection also cancels.</param>
    /// <returns>A task completing when the response is queued.</returns>
    public async ValueTask ProcessMessageAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (IsClosed)
        {
            return;
        }

        // Calls in flight stop when the connection closes (a revoked session gets no further work done).
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        using var output = new RpcBufferWriter(1024);
        var context = new RpcCallContext(Transport, Principal, _authFailure, this, RemoteAddress, lifetime.Token);
        var result = await Dispatcher.DispatchAsync(message, context, output).ConfigureAwait(false);
        if (result.HasResponse)
        {
            TryEnqueue(output.WrittenSpan);
        }

        RpcSubscription[] activate;
        lock (_gate)
        {
            activate = [.. _awaitingActivation];
            _awaitingActivation.Clear();
        }

        foreach (var subscription in activate)
        {
            subscription.Activate();
        }
    }

    /// <summary>Sends queued messages in order until the connection closes; run exactly one per connection.</summary>
    /// <param name="cancellationToken">Stops sending.</param>
    /// <returns>A task completing when sending stops.</returns>
    public async Task RunSendLoopAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        var reader = _outbound.Reader;
        try
        {
            while (await reader.WaitToReadAsync(linked.Token).ConfigureAwait(false))
            {
                while (!IsClosed && reader.TryRead(out var item))
                {
                    try
                    {
                        await _transport.SendAsync(item.Buffer.AsMemory(0, item.Length), linked.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        Release(item);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closing: fall through to drain.
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.WebSockets.WebSocketException or ObjectDisposedException)
        {
            Close(RpcCloseReason.TransportError);
        }
        finally
        {
            while (reader.TryRead(out var item))
            {
                Release(item);
            }
        }
    }

    /// <summary>
    /// Closes the connection: ends every subscription, stops the queue and asks the transport to close with a status
    /// for <paramref name="reason"/>. Idempotent; the first reason wins.
    /// </summary>
    /// <param name="reason">Why.</param>
    public void Close(RpcCloseReason reason)
    {
        if (Interlocked.Exchange(ref _closeState, 1) != 0)
        {
            return;
        }

        CloseReason = reason;
        RpcSubscription[] ended;
        lock (_gate)
        {
            _expiry?.Dispose();
            ended = [.. _subscriptions.Values];
            _subscriptions.Clear();
            _awaitingActivation.Clear();
        }

        _outbound.Writer.TryComplete();
        foreach (var subscription in ended)
        {
            EndQuietly(subscription);
        }

        if (ended.Length > 0)
        {
            Dispatcher.Metrics.SubscriptionsChanged(-ended.Length);
        }

        _closed.Cancel();
        _registry.Remove(this);
        if (reason != RpcCloseReason.Normal)
        {
            var tag = ReasonTag(reason);
            Dispatcher.Metrics.ConnectionClosed(tag);
            RpcLog.ConnectionClosed(_logger, Id, tag);
        }

        _transport.Close(reason);
    }

    /// <summary>The short tag for a close reason used in logs and metrics.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>A snake_case tag.</returns>
    public static string ReasonTag(RpcCloseReason reason) => reason switch
    {
        RpcCloseReason.SessionExpired => "session_expired",
        RpcCloseReason.SessionRevoked => "session_revoked",
        RpcCloseReason.SlowConsumer => "slow_consumer",
        RpcCloseReason.MessageTooLarge => "message_too_large",
        RpcCloseReason.ProtocolError => "protocol_error",
        RpcCloseReason.ServerStopping => "server_stopping",
        RpcCloseReason.TransportError => "transport_error",
        RpcCloseReason.AuthenticationTimeout => "authentication_timeout",
        _ => "normal",
    };

    /// <summary>Queues a message copy; a full queue drops the connection instead of growing.</summary>
    internal bool TryEnqueue(ReadOnlySpan<byte> message)
    {
        if (IsClosed)
        {
            return false;
        }

        if (Interlocked.Add(ref _queuedBytes, message.Length) > Dispatcher.ConnectionOptions.MaxQueuedBytes)
        {
            Interlocked.Add(ref _queuedBytes, -message.Length);
            Close(RpcCloseReason.SlowConsumer);
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(message.Length);
        message.CopyTo(buffer);
        var item = new Outbound(buffer, message.Length);
        if (_outbound.Writer.TryWrite(item))
        {
            return true;
        }

        Release(item);
        Close(RpcCloseReason.SlowConsumer);
        return false;
    }

    private void Release(Outbound item)
    {
        Interlocked.Add(ref _queuedBytes, -item.Length);
        ArrayPool<byte>.Shared.Return(item.Buffer);
    }

    private void EndQuietly(RpcSubscription subscription)
    {
        try
        {
            subscription.End();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A source failing to unregister must not keep the connection half-open.
            RpcLog.SubscriptionFailed(_logger, subscription.Kind, e.GetType().Name);
        }
    }

    private readonly record struct Outbound(byte[] Buffer, int Length);
}
