using System.Text.Json;

namespace Nectar.JsonRpc.Dispatch;

/// <summary>
/// The parameters of the request being executed, as slices of the payload in positional order. Named parameters are
/// mapped onto positions by name. Reused from a pool: one instance serves one request at a time.
/// </summary>
internal sealed class RpcParams
{
    public const int MaxParameters = 16;

    private readonly int[] _starts = new int[MaxParameters];
    private readonly int[] _lengths = new int[MaxParameters];
    private ReadOnlyMemory<byte> _payload;

    /// <summary>The slice for a position, or empty when the request did not send it.</summary>
    public ReadOnlySpan<byte> Get(int index) => _lengths[index] == 0 ? default : _payload.Span.Slice(_starts[index], _lengths[index]);

    /// <summary>Loads the parameters of <paramref name="envelope"/>; returns an invalid-params message or null.</summary>
    public string? Load(ReadOnlyMemory<byte> payload, in RequestEnvelope envelope, RpcMethod method)
    {
        _payload = payload;
        Array.Clear(_lengths);
        if (envelope.ParamsKind == JsonTokenType.None)
        {
            return null;
        }

        var slice = payload.Span.Slice(envelope.ParamsStart, envelope.ParamsLength);
        var reader = new Utf8JsonReader(slice);
        reader.Read();
        var names = method.ParameterNamesUtf8;
        if (envelope.ParamsKind == JsonTokenType.StartArray)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (index >= names.Length)
                {
                    return $"too many arguments, want at most {names.Length}";
                }

                Record(ref reader, index++, envelope.ParamsStart);
            }

            return null;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var index = -1;
            for (var i = 0; i < names.Length; i++)
            {
                if (reader.ValueTextEquals(names[i]))
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                return "unknown named argument";
            }

            if (_lengths[index] != 0)
            {
                return $"duplicate argument {index} ({method.Descriptor.Parameters[index].Name})";
            }

            reader.Read();
            Record(ref reader, index, envelope.ParamsStart);
        }

        return null;
    }

    /// <summary>Clears the reference to the payload so a pooled instance does not keep it alive.</summary>
    public void Release() => _payload = default;

    private void Record(ref Utf8JsonReader reader, int index, int offset)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        _starts[index] = offset + start;
        _lengths[index] = (int)reader.BytesConsumed - start;
    }
}
