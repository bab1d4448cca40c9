using System.Text;
using System.Text.Json;
using Nectar.Conformance.StateTests;

namespace Nectar.Cli.Evm;

/// <summary>Formats a case result as one JSON object: name, fork, index, pass, stateRoot, error.</summary>
internal static class ResultWriter
{
    public static string Format(StateTestResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            var testCase = result.Case;
            json.WriteStartObject();
            json.WriteString("name", testCase.Test.Name);
            json.WriteString("fork", testCase.Fork);
            json.WriteStartObject("index");
            json.WriteNumber("data", testCase.DataIndex);
            json.WriteNumber("gas", testCase.GasIndex);
            json.WriteNumber("value", testCase.ValueIndex);
            json.WriteEndObject();
            json.WriteBoolean("pass", result.Pass);
            json.WriteString("stateRoot", result.StateRoot.ToString());
            if (result.Error is { } error && !result.Pass)
            {
                json.WriteString("error", error);
            }
            else
            {
                json.WriteNull("error");
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
