using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Nectar.JsonRpc.Dispatch;

namespace Nectar.JsonRpc.Server.Http;

/// <summary>JSON-RPC error bodies for requests refused before dispatch (size, content type, credentials).</summary>
internal static class TransportErrors
{
    public static async Task WriteAsync(HttpContext http, int status, int code, string message)
    {
        using var buffer = new RpcBufferWriter(256);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc"u8, "2.0"u8);
            json.WriteNull("id"u8);
            json.WriteStartObject("error"u8);
            json.WriteNumber("code"u8, code);
            json.WriteString("message"u8, message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = buffer.WrittenCount;
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted).ConfigureAwait(false);
    }
}
