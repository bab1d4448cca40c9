using System.Text.Json;
using System.Text.Json.Serialization;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Evm;
using Nectar.Evm.Tracing;
using Nectar.JsonRpc.Eth;

namespace Nectar.JsonRpc.Debug;

/// <summary>
/// Writes traces in go-ethereum's shapes: struct logs with decimal gas figures, the stack as quantities, memory words
/// and storage as bare 64-digit hex; call frames with quantities and their members in go-ethereum's order.
/// </summary>
internal sealed class TraceResultConverter : JsonConverter<TraceResult>
{
    public override TraceResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Traces are written, never read.");

    public override void Write(Utf8JsonWriter writer, TraceResult value, JsonSerializerOptions options)
    {
        if (value.Calls is { } root)
        {
            WriteFrame(writer, root, value.OnlyTopCall);
        }
        else
        {
            WriteStructLogs(writer, value.StructLogs!, value.Error);
        }
    }

    private static void WriteStructLogs(Utf8JsonWriter writer, StructLogResult result, EvmError error)
    {
        writer.WriteStartObject();
        writer.WriteNumber("gas"u8, result.Gas);
        writer.WriteBoolean("failed"u8, result.Failed);
        EthJsonWriter.Data(writer, "returnValue"u8, result.Failed && error != EvmError.Revert ? [] : result.ReturnValue);
        writer.WritePropertyName("structLogs"u8);
        writer.WriteStartArray();
        foreach (var log in result.StructLogs)
        {
            writer.WriteStartObject();
            writer.WriteNumber("pc"u8, log.Pc);
            writer.WriteString("op"u8, log.Op);
            writer.WriteNumber("gas"u8, log.Gas);
            writer.WriteNumber("gasCost"u8, log.GasCost);
            writer.WriteNumber("depth"u8, log.Depth);
            if (log.Error is { } message)
            {
                writer.WriteString("error"u8, message);
            }

            if (log.Stack is { } stack)
            {
                writer.WritePropertyName("stack"u8);
                writer.WriteStartArray();
                foreach (var item in stack)
                {
                    EthJsonWriter.QuantityValue(writer, item);
                }

                writer.WriteEndArray();
            }

            if (log.ReturnData is { Length: > 0 } returnData)
            {
                EthJsonWriter.Data(writer, "returnData"u8, returnData);
            }

            if (log.Memory is { } memory)
            {
                writer.WritePropertyName("memory"u8);
                writer.WriteStartArray();
                foreach (var word in memory)
                {
                    writer.WriteStringValue(Hex.ToHexString(word, withPrefix: false));
                }

                writer.WriteEndArray();
            }

            if (log.Storage is { } storage)
            {
                writer.WritePropertyName("storage"u8);
                writer.WriteStartObject();
                var keys = new List<UInt256>(storage.Keys);
                keys.Sort();
                foreach (var key in keys)
                {
                    writer.WriteString(Word(key), Word(storage[key]));
                }

                writer.WriteEndObject();
            }

            if (log.Refund != 0)
            {
                writer.WriteNumber("refund"u8, log.Refund);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A call frame; the output of a frame that failed other than by reverting is left out, as go-ethereum does.</summary>
    private static void WriteFrame(Utf8JsonWriter writer, CallFrameTrace frame, bool onlyTopCall)
    {
        writer.WriteStartObject();
        EthJsonWriter.Address(writer, "from"u8, frame.From);
        EthJsonWriter.Quantity(writer, "gas"u8, (ulong)Math.Max(frame.Gas, 0));
        EthJsonWriter.Quantity(writer, "gasUsed"u8, (ulong)Math.Max(frame.GasUsed, 0));
        EthJsonWriter.Address(writer, "to"u8, frame.To);
        EthJsonWriter.Data(writer, "input"u8, frame.Input);
        var reverted = frame.Error == ErrorMessages.Describe(EvmError.Revert);
        if (frame.Output.Length > 0 && (frame.Error is null || reverted))
        {
            EthJsonWriter.Data(writer, "output"u8, frame.Output);
        }

        if (frame.Error is { } error)
        {
            writer.WriteString("error"u8, error);
        }

        if (frame.RevertReason is { } reason)
        {
            writer.WriteString("revertReason"u8, reason);
        }

        if (!onlyTopCall && frame.Calls.Count > 0)
        {
            writer.WritePropertyName("calls"u8);
            writer.WriteStartArray();
            foreach (var call in frame.Calls)
            {
                WriteFrame(writer, call, onlyTopCall: false);
            }

            writer.WriteEndArray();
        }

        if (frame.Value is { } value)
        {
            EthJsonWriter.Quantity(writer, "value"u8, value);
        }

        writer.WriteString("type"u8, frame.Type);
        writer.WriteEndObject();
    }

    private static string Word(in UInt256 value) => value.ToString("x64", null);
}
