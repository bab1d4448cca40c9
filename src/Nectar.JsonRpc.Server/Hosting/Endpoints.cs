using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Nectar.JsonRpc.Server.Health;
using Nectar.JsonRpc.Server.Http;
using Nectar.JsonRpc.Server.Metrics;
using Nectar.JsonRpc.Server.WebSockets;

namespace Nectar.JsonRpc.Server.Hosting;

/// <summary>
/// The server's one terminal handler: routes by path and method without the routing middleware (fewer allocations,
/// and nothing else can be reached). <c>/</c> and <c>/rpc</c> serve JSON-RPC; <c>/health*</c> and <c>/metrics</c> are
/// public and carry no sensitive data.
/// </summary>
internal sealed class Endpoints(
    JsonRpcServerOptions options,
    RpcHttpHandler http,
    WebSocketRpcHandler webSockets,
    Cors cors,
    PrometheusExporter exporter,
    IRpcHealthProbe? healthProbe,
    ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        if (path is "/" or "/rpc")
        {
            await HandleRpcAsync(context, method).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        switch (path)
        {
            case "/health" when options.EnableHealth:
                await WriteHealthAsync(context, includeReadiness: true, failWhenNotReady: true).ConfigureAwait(false);
                break;
            case "/health/live" when options.EnableHealth:
                await WriteHealthAsync(context, includeReadiness: false, failWhenNotReady: false).ConfigureAwait(false);
                break;
            case "/health/ready" when options.EnableHealth:
                await WriteHealthAsync(context, includeReadiness: true, failWhenNotReady: true).ConfigureAwait(false);
                break;
            case "/metrics" when options.EnableMetrics:
                context.Response.ContentType = PrometheusExporter.ContentType;
                await context.Response.WriteAsync(exporter.Render(), context.RequestAborted).ConfigureAwait(false);
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private async Task HandleRpcAsync(HttpContext context, string method)
    {
        if (BearerToken.InQuery(context.Request.Query))
        {
            ServerLog.Refused(logger, StatusCodes.Status400BadRequest, "credential in the URL");
            await TransportErrors.WriteAsync(context, StatusCodes.Status400BadRequest, RpcErrorCodes.InvalidRequest, "tokens are refused in URLs: send an Authorization: Bearer header").ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsOptions(method))
        {
            cors.Preflight(context);
            return;
        }

        cors.Apply(context);
        if (HttpMethods.IsPost(method))
        {
            await http.HandleAsync(context).ConfigureAwait(false);
        }
        else if (HttpMethods.IsGet(method) && context.WebSockets.IsWebSocketRequest)
        {
            await webSockets.HandleAsync(context).ConfigureAwait(false);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST, GET";
        }
    }

    private async Task WriteHealthAsync(HttpContext context, bool includeReadiness, bool failWhenNotReady)
    {
        var readiness = RpcReadiness.Ready;
        if (includeReadiness && healthProbe is not null)
        {
            try
            {
                readiness = await healthProbe.CheckReadinessAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ServerLog.TransportFailure(logger, e.GetType().Name);
                readiness = new RpcReadiness(false, "readiness check failed");
            }
        }

        var ready = readiness.IsReady;
        context.Response.StatusCode = failWhenNotReady && !ready ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        using var buffer = new Dispatch.RpcBufferWriter(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status"u8, !includeReadiness || ready ? "ok"u8 : "unavailable"u8);
            json.WriteBoolean("live"u8, true);
            if (includeReadiness)
            {
                json.WriteBoolean("ready"u8, ready);
                if (!ready && readiness.Reason is { } reason)
                {
                    json.WriteString("reason"u8, reason);
                }
            }

            json.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
