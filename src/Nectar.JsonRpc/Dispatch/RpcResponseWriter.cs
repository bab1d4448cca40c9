using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nectar.JsonRpc.Dispatch;

/// <summary>
/// Writes the responses of one payload into an <see cref="RpcBufferWriter"/>: each response is its own JSON root, and
/// the batch brackets and commas are written around them, so a failed response can be rolled back on its own.
/// Notifications are executed but nothing is written for them. Pooled; one payload at a time.
/// </summary>
internal sealed class RpcResponseWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // JSON-RPC bodies are not embedded in HTML; the relaxed encoder keeps quotes and '<' readable in messages.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private readonly Utf8JsonWriter _json;
    private RpcBufferWriter _output;
    private ReadOnlyMemory<byte> _payload;
    private RequestEnvelope _current;
    private bool _batch;
    private int _count;
    private int _rollbackTo;
    private int _lastStart;
    private bool _open;

    public RpcResponseWriter()
    {
        _output = new RpcBufferWriter(16);
        _json = new Utf8JsonWriter(_output, WriterOptions);
    }

    /// <summary>Whether the current request has been answered (or, for a notification, completed).</summary>
    public bool Completed { get; private set; }

    /// <summary>How many responses were written.</summary>
    public int Count => _count;

    public void Start(RpcBufferWriter output, ReadOnlyMemory<byte> payload, bool batch)
    {
        _output = output;
        _payload = payload;
        _batch = batch;
        _count = 0;
    }

    /// <summary>Begins the answer to one request.</summary>
    public void Begin(in RequestEnvelope envelope)
    {
        _current = envelope;
        Completed = false;
        _lastStart = _output.WrittenCount;
    }

    public void WriteResult<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        if (Open())
        {
            _json.WritePropertyName("result"u8);
            JsonSerializer.Serialize(_json, value, typeInfo);
            Close();
        }
    }

    public void WriteNullResult()
    {
        if (Open())
        {
            _json.WriteNull("result"u8);
            Close();
        }
    }

    public void WriteError(int code, string message, byte[]? data = null)
    {
        if (Open())
        {
            _json.WriteStartObject("error"u8);
            _json.WriteNumber("code"u8, code);
            _json.WriteString("message"u8, message);
            if (data is not null)
            {
                _json.WritePropertyName("data"u8);
                Json.JsonHex.WriteData(_json, data);
            }

            _json.WriteEndObject();
            Close();
        }
    }

    /// <summary>Discards a half-written answer to the current request so an error can replace it.</summary>
    public void Rollback()
    {
        _json.Reset(_output);
        if (_open)
        {
            _output.Truncate(_rollbackTo);
            _open = false;
        }

        Completed = false;
    }

    /// <summary>The size of the last response written, in bytes (separator included).</summary>
    public int LastLength => _output.WrittenCount - _lastStart;

    /// <summary>Replaces the last response written with an error (it was too large to send).</summary>
    public void ReplaceLast(int code, string message)
    {
        _output.Truncate(_lastStart);
        _count--;
        Completed = false;
        WriteError(code, message);
    }

    /// <summary>Closes the batch array, if any response was written.</summary>
    public void Finish()
    {
        if (_batch && _count > 0)
        {
            _output.WriteByte((byte)']');
        }

        _payload = default;
    }

    private bool Open()
    {
        if (Completed)
        {
            throw new InvalidOperationException("The request was already answered.");
        }

        if (_current.IsNotification)
        {
            Completed = true;
            return false;
        }

        _rollbackTo = _output.WrittenCount;
        _lastStart = _rollbackTo;
        _open = true;
        if (_batch)
        {
            _output.WriteByte(_count == 0 ? (byte)'[' : (byte)',');
        }

        _json.Reset(_output);
        _json.WriteStartObject();
        _json.WriteString("jsonrpc"u8, "2.0"u8);
        _json.WritePropertyName("id"u8);
        if (_current.IdKind is JsonTokenType.Number or JsonTokenType.String)
        {
            _json.WriteRawValue(_payload.Span.Slice(_current.IdStart, _current.IdLength), skipInputValidation: true);
        }
        else
        {
            _json.WriteNullValue();
        }

        return true;
    }

    private void Close()
    {
        _json.WriteEndObject();
        _json.Flush();
        _open = false;
        _count++;
        Completed = true;
    }
}
