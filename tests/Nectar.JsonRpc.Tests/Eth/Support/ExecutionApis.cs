using System.Text.Json;

namespace Nectar.JsonRpc.Tests.Eth.Support;

/// <summary>The execution-apis cases: a request line (<c>&gt;&gt;</c>) and its response line (<c>&lt;&lt;</c>) per file.</summary>
internal static class ExecutionApis
{
    public static (string Request, string Response) Exchange(string method, string file)
    {
        var lines = File.ReadAllLines(Nectar.Tests.Fixtures.Shared("execution-apis", method, file));
        return (lines.Single(l => l.StartsWith(">> ", StringComparison.Ordinal))[3..], lines.Single(l => l.StartsWith("<< ", StringComparison.Ordinal))[3..]);
    }

    public static JsonElement Response(string method, string file)
    {
        using var document = JsonDocument.Parse(Exchange(method, file).Response);
        return document.RootElement.Clone();
    }

    /// <summary>The member names of an object, in order.</summary>
    public static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
