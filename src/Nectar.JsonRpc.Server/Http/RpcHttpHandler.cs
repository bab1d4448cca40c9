using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Nectar.JsonRpc.Authentication;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Server.Hosting;

namespace Nectar.JsonRpc.Server.Http;

/// <summary>
/// JSON-RPC over HTTP POST: checks the content type and size (before reading the body), authenticates the bearer
/// token, dispatches, and answers 200 (401 when every request was refused for lack of a valid token, 204 when there is
/// nothing to answer).
/// </summary>
internal sealed class RpcHttpHandler(RpcDispatcher dispatcher, IRpcAuthenticator authenticator, JsonRpcServerOptions options, ILogger logger)
{
    private readonly int _maxBody = Math.Min(options.MaxRequestBodyBytes, dispatcher.Limits.MaxRequestBytes);

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!IsJson(request.ContentType))
        {
            await RefuseAsync(http, StatusCodes.Status415UnsupportedMediaType, RpcErrorCodes.InvalidRequest, "content type must be application/json").ConfigureAwait(false);
            return;
        }

        if (request.ContentLength > _maxBody)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, RpcErrorCodes.InvalidRequest, $"request body exceeds {_maxBody} bytes").ConfigureAwait(false);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = _maxBody;
        }

        using var body = new RpcBufferWriter((int)Math.Clamp(request.ContentLength ?? 4096, 64, _maxBody));
        if (!await ReadBodyAsync(request, body, http.RequestAborted).ConfigureAwait(false))
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, RpcErrorCodes.InvalidRequest, $"request body exceeds {_maxBody} bytes").ConfigureAwait(false);
            return;
        }

        var (principal, failure) = await AuthenticateAsync(request, http.RequestAborted).ConfigureAwait(false);
        var context = new RpcCallContext(RpcTransportKind.Http, principal, failure, null, http.Connection.RemoteIpAddress, http.RequestAborted);
        using var output = new RpcBufferWriter(1024);
        var result = await dispatcher.DispatchAsync(body.WrittenMemory, context, output).ConfigureAwait(false);
        var response = http.Response;
        if (!result.HasResponse)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (result.AllUnauthorized)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers.WWWAuthenticate = failure == RpcAuthFailure.MissingToken ? "Bearer" : "Bearer error=\"invalid_token\"";
        }

        response.ContentType = "application/json";
        response.ContentLength = output.WrittenCount;
        await response.Body.WriteAsync(output.WrittenMemory, http.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsJson(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value;
        var charset = media.Charset.Value;
        return (string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase)
                || string.Equals(type, "application/json-rpc", StringComparison.OrdinalIgnoreCase)
                || string.Equals(type, "application/jsonrequest", StringComparison.OrdinalIgnoreCase))
            && (charset is null || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase) || string.Equals(charset, "utf8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads the body, stopping as soon as it passes the limit; false when it is too large.</summary>
    private async Task<bool> ReadBodyAsync(HttpRequest request, RpcBufferWriter body, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = read.Buffer;
                if (body.WrittenCount + buffer.Length > _maxBody)
                {
                    reader.AdvanceTo(buffer.End);
                    return false;
                }

                foreach (var segment in buffer)
                {
                    body.Write(segment.Span);
                }

                reader.AdvanceTo(buffer.End);
                if (read.IsCompleted)
                {
                    return true;
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
    }

    private async ValueTask<(RpcPrincipal? Principal, RpcAuthFailure Failure)> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var token = BearerToken.FromHeader(request.Headers.Authorization);
        if (token is null)
        {
            return (null, RpcAuthFailure.MissingToken);
        }

        if (token.Length == 0)
        {
            return (null, RpcAuthFailure.InvalidToken);
        }

        try
        {
            var result = await authenticator.AuthenticateAsync(token, cancellationToken).ConfigureAwait(false);
            return (result.Principal, result.Failure);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Fail closed: an authenticator that cannot answer admits nobody. Its message may quote the token.
            ServerLog.AuthenticatorFailed(logger, e.GetType().FullName ?? e.GetType().Name);
            return (null, RpcAuthFailure.InvalidToken);
        }
    }

    private Task RefuseAsync(HttpContext http, int status, int code, string message)
    {
        ServerLog.Refused(logger, status, message);
        return TransportErrors.WriteAsync(http, status, code, message);
    }
}
