using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Nectar.JsonRpc.Dispatch;

namespace Nectar.JsonRpc.Subscriptions;

/// <summary>
/// A live subscription on a connection. Until <see cref="Activate"/> (called once the <c>eth_subscribe</c> response is
/// queued) published notifications wait in a small list, so the client always learns the id before the first result.
/// </summary>
internal sealed class RpcSubscription : IRpcSubscriber
{
    [ThreadStatic]
    private static RpcBufferWriter? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadJson;

    private readonly RpcConnection _connection;
    private readonly CancellationTokenSource _ended = new();
    private readonly Lock _gate = new();
    private List<byte[]>? _pending = [];
    private bool _isEnded;

    public RpcSubscription(string id, string kind, RpcConnection connection, RpcCallContext context)
    {
        Id = id;
        Kind = kind;
        _connection = connection;
        Context = context;
        Ended = _ended.Token;
    }

    public string Id { get; }

    public string Kind { get; }

    public RpcCallContext Context { get; }

    public CancellationToken Ended { get; }

    public JsonSerializerOptions SerializerOptions => _connection.Dispatcher.SerializerOptions;

    public IDisposable? Registration { get; set; }

    public bool TryPublish<T>(T result, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (Volatile.Read(ref _isEnded))
        {
            return false;
        }

        var buffer = _threadBuffer ??= new RpcBufferWriter(1024);
        var json = _threadJson ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        buffer.Clear();
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("jsonrpc"u8, "2.0"u8);
        json.WriteString("method"u8, "eth_subscription"u8);
        json.WriteStartObject("params"u8);
        json.WriteString("subscription"u8, Id);
        json.WritePropertyName("result"u8);
        JsonSerializer.Serialize(json, result, typeInfo);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();

        lock (_gate)
        {
            if (_isEnded)
            {
                return false;
            }

            if (_pending is not null)
            {
                if (_pending.Count >= _connection.Dispatcher.ConnectionOptions.MaxQueuedMessages)
                {
                    _connection.Close(RpcCloseReason.SlowConsumer);
                    return false;
                }

                _pending.Add(buffer.WrittenSpan.ToArray());
                return true;
            }

            return _connection.TryEnqueue(buffer.WrittenSpan);
        }
    }

    /// <summary>Sends what was published before the id reached the client, then publishes directly.</summary>
    public void Activate()
    {
        lock (_gate)
        {
            if (_pending is null)
            {
                return;
            }

            foreach (var message in _pending)
            {
                if (!_connection.TryEnqueue(message))
                {
                    break;
                }
            }

            _pending = null;
        }
    }

    /// <summary>Stops delivery and releases the source's registration.</summary>
    public void End()
    {
        lock (_gate)
        {
            if (_isEnded)
            {
                return;
            }

            _isEnded = true;
            _pending = null;
        }

        _ended.Cancel();
        Registration?.Dispose();
        _ended.Dispose();
    }
}
