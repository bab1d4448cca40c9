using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Nectar.JsonRpc.Dispatch;

/// <summary>
/// Reads a payload into <see cref="RequestEnvelope"/>s. A first pass checks the JSON syntax and the limits (depth,
/// string and number lengths) over the whole payload, so later passes only meet well-formed, bounded JSON.
/// </summary>
[SkipLocalsInit]
internal static class PayloadScanner
{
    /// <summary>Checks syntax and limits; returns the error for the whole payload, or 0.</summary>
    public static int Validate(ReadOnlySpan<byte> payload, RpcLimits limits, out string? message)
    {
        message = null;
        if (payload.Length > limits.MaxRequestBytes)
        {
            message = $"request of {payload.Length} bytes exceeds the limit of {limits.MaxRequestBytes} bytes";
            return RpcErrorCodes.InvalidRequest;
        }

        // The reader's own depth limit sits one above ours so that ours is the one that trips, with its own message.
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        try
        {
            var any = false;
            while (reader.Read())
            {
                any = true;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= limits.MaxDepth:
                        message = $"nesting depth exceeds the limit of {limits.MaxDepth}";
                        return RpcErrorCodes.InvalidRequest;
                    case JsonTokenType.String or JsonTokenType.PropertyName when reader.ValueSpan.Length > limits.MaxStringLength:
                        message = $"string of {reader.ValueSpan.Length} bytes exceeds the limit of {limits.MaxStringLength} bytes";
                        return RpcErrorCodes.InvalidRequest;
                    case JsonTokenType.String or JsonTokenType.PropertyName when !reader.ValueIsEscaped && !Utf8.IsValid(reader.ValueSpan):
                        message = "parse error: invalid UTF-8";
                        return RpcErrorCodes.ParseError;
                    case JsonTokenType.Number when reader.ValueSpan.Length > limits.MaxNumberLength:
                        message = $"number of {reader.ValueSpan.Length} digits exceeds the limit of {limits.MaxNumberLength}";
                        return RpcErrorCodes.InvalidRequest;
                }
            }

            if (!any)
            {
                message = "parse error: empty payload";
                return RpcErrorCodes.ParseError;
            }
        }
        catch (JsonException)
        {
            // The reader's message quotes the offending bytes; answer with a fixed one instead.
            message = "parse error: invalid JSON";
            return RpcErrorCodes.ParseError;
        }

        return 0;
    }

    /// <summary>
    /// Splits a validated payload into envelopes. Returns the error for the whole payload (empty or oversized
    /// batch, wrong root type), or 0 with <paramref name="count"/> envelopes written and <paramref name="isBatch"/> set.
    /// </summary>
    public static int Split(ReadOnlySpan<byte> payload, RpcLimits limits, ref RequestEnvelope[] envelopes, out int count, out bool isBatch, out string? message)
    {
        count = 0;
        isBatch = false;
        message = null;
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            envelopes[0] = ReadEnvelope(ref reader, limits);
            count = 1;
            return 0;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            message = "invalid request: expected an object or an array of objects";
            return RpcErrorCodes.InvalidRequest;
        }

        isBatch = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count == limits.MaxBatchLength)
            {
                message = $"batch exceeds the limit of {limits.MaxBatchLength} requests";
                return RpcErrorCodes.InvalidRequest;
            }

            if (count == envelopes.Length)
            {
                Array.Resize(ref envelopes, Math.Min(envelopes.Length * 2, limits.MaxBatchLength));
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                envelopes[count++] = ReadEnvelope(ref reader, limits);
            }
            else
            {
                reader.Skip();
                envelopes[count++] = Invalid(default, "invalid request: batch element is not an object");
            }
        }

        if (count == 0)
        {
            isBatch = false;
            message = "invalid request: empty batch";
            return RpcErrorCodes.InvalidRequest;
        }

        return 0;
    }

    /// <summary>Reads one request object; the reader sits on its StartObject and ends on its EndObject.</summary>
    private static RequestEnvelope ReadEnvelope(ref Utf8JsonReader reader, RpcLimits limits)
    {
        var envelope = default(RequestEnvelope);
        string? error = null;
        bool seenVersion = false, seenId = false, seenMethod = false, seenParams = false, versionOk = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("jsonrpc"u8))
            {
                reader.Read();
                if (seenVersion)
                {
                    error ??= "invalid request: duplicate member jsonrpc";
                }

                seenVersion = true;
                versionOk = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("2.0"u8);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                if (seenId)
                {
                    error ??= "invalid request: duplicate member id";
                }

                seenId = true;
                ReadId(ref reader, ref envelope, limits, ref error);
            }
            else if (reader.ValueTextEquals("method"u8))
            {
                reader.Read();
                if (seenMethod)
                {
                    error ??= "invalid request: duplicate member method";
                }

                seenMethod = true;
                if (reader.TokenType == JsonTokenType.String)
                {
                    envelope.MethodStart = (int)reader.TokenStartIndex + 1;
                    envelope.MethodLength = reader.ValueSpan.Length;
                    envelope.MethodEscaped = reader.ValueIsEscaped;
                }
                else
                {
                    error ??= "invalid request: method must be a string";
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("params"u8))
            {
                reader.Read();
                if (seenParams)
                {
                    error ??= "invalid request: duplicate member params";
                }

                seenParams = true;
                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                {
                    envelope.ParamsKind = reader.TokenType;
                    envelope.ParamsStart = (int)reader.TokenStartIndex;
                    reader.Skip();
                    envelope.ParamsLength = (int)reader.BytesConsumed - envelope.ParamsStart;
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    error ??= "invalid request: params must be an array or an object";
                    reader.Skip();
                }
            }
            else
            {
                // Members JSON-RPC does not define are ignored, as other clients and nodes do.
                reader.Read();
                reader.Skip();
            }
        }

        if (error is null && !seenVersion)
        {
            error = "invalid request: missing jsonrpc \"2.0\"";
        }
        else if (error is null && !versionOk)
        {
            error = "invalid request: jsonrpc must be \"2.0\"";
        }
        else if (error is null && !seenMethod)
        {
            error = "invalid request: missing method";
        }

        return error is null ? envelope : Invalid(envelope, error);
    }

    private static void ReadId(ref Utf8JsonReader reader, ref RequestEnvelope envelope, RpcLimits limits, ref string? error)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                envelope.IdKind = JsonTokenType.Null;
                break;
            case JsonTokenType.Number or JsonTokenType.String:
                var start = (int)reader.TokenStartIndex;
                var length = reader.ValueSpan.Length + (reader.TokenType == JsonTokenType.String ? 2 : 0);
                if (length > limits.MaxIdLength)
                {
                    error ??= $"invalid request: id longer than {limits.MaxIdLength} bytes";
                    envelope.IdKind = JsonTokenType.Null;
                    break;
                }

                envelope.IdKind = reader.TokenType;
                envelope.IdStart = start;
                envelope.IdLength = length;
                break;
            default:
                error ??= "invalid request: id must be a number, a string or null";
                envelope.IdKind = JsonTokenType.Null;
                reader.Skip();
                break;
        }
    }

    /// <summary>An invalid request keeps its id when the id itself was valid, and answers with null otherwise.</summary>
    private static RequestEnvelope Invalid(RequestEnvelope envelope, string message)
    {
        envelope.ErrorCode = RpcErrorCodes.InvalidRequest;
        envelope.ErrorMessage = message;
        if (envelope.IdKind == JsonTokenType.None)
        {
            envelope.IdKind = JsonTokenType.Null;
        }

        return envelope;
    }
}
