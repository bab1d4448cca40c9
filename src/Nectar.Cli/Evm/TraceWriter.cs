using System.Globalization;
using System.Text;
using System.Text.Json;
using Nectar.Conformance.StateTests;
using Nectar.Core.Encoding;
using Nectar.Evm.Tracing;

namespace Nectar.Cli.Evm;

/// <summary>Writes a struct-log trace as JSON lines in the EIP-3155 shape, then a summary line.</summary>
internal static class TraceWriter
{
    public static void Write(TextWriter writer, StructLogTracer tracer, StateTestResult result)
    {
        writer.WriteLine($"# {result.Case.Name}");
        foreach (var log in tracer.Logs)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteNumber("pc", log.Pc);
                json.WriteString("op", log.Op);
                json.WriteString("gas", Quantity(log.Gas));
                json.WriteString("gasCost", Quantity(log.GasCost));
                json.WriteNumber("memSize", log.MemorySize);
                json.WriteStartArray("stack");
                foreach (var item in log.Stack ?? [])
                {
                    json.WriteStringValue(item.ToHexQuantity());
                }

                json.WriteEndArray();
                json.WriteNumber("depth", log.Depth);
                json.WriteNumber("refund", log.Refund);
                if (log.Error is { } error)
                {
                    json.WriteString("error", error);
                }

                json.WriteEndObject();
            }

            writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        }

        if (tracer.Logs.Count > 0 || result.Pass)
        {
            var output = tracer.Logs.Count > 0 && TryGetResult(tracer, out var trace) ? Hex.ToHexString(trace.ReturnValue) : "0x";
            writer.WriteLine($"{{\"output\":\"{output}\",\"stateRoot\":\"{result.StateRoot}\"}}");
        }
    }

    private static bool TryGetResult(StructLogTracer tracer, out StructLogResult result)
    {
        try
        {
            result = tracer.Result;
            return true;
        }
        catch (InvalidOperationException)
        {
            result = null!;
            return false;
        }
    }

    private static string Quantity(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
