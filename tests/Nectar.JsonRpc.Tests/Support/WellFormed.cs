using System.Text.Json;

namespace Nectar.JsonRpc.Tests.Support;

/// <summary>Checks that a response is well-formed JSON-RPC 2.0: one response object, or a non-empty array of them.</summary>
internal static class WellFormed
{
    public static void AssertResponse(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            Assert.True(root.GetArrayLength() > 0, "an empty array is never a response");
            foreach (var element in root.EnumerateArray())
            {
                AssertObject(element);
            }
        }
        else
        {
            AssertObject(root);
        }
    }

    private static void AssertObject(JsonElement response)
    {
        Assert.Equal(JsonValueKind.Object, response.ValueKind);
        Assert.Equal("2.0", response.GetProperty("jsonrpc").GetString());
        Assert.True(response.TryGetProperty("id", out var id));
        Assert.Contains(id.ValueKind, new[] { JsonValueKind.Number, JsonValueKind.String, JsonValueKind.Null });
        var hasResult = response.TryGetProperty("result", out _);
        var hasError = response.TryGetProperty("error", out var error);
        Assert.True(hasResult ^ hasError, "exactly one of result and error");
        if (hasError)
        {
            Assert.Equal(JsonValueKind.Number, error.GetProperty("code").ValueKind);
            Assert.Equal(JsonValueKind.String, error.GetProperty("message").ValueKind);
        }
    }
}
