using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Nectar.JsonRpc.Authentication;
using Nectar.JsonRpc.Diagnostics;

namespace Nectar.JsonRpc.Dispatch;

public sealed partial class RpcDispatcher
{
    private async ValueTask<RpcOutcome> ExecuteAsync(RequestEnvelope envelope, ReadOnlyMemory<byte> payload, RpcCallContext context, DispatchScratch scratch)
    {
        var writer = scratch.Writer;
        writer.Begin(envelope);
        var start = RpcMetrics.Timestamp();
        var methodTag = RpcMetrics.UnknownMethod;
        RpcOutcome outcome;
        if (envelope.ErrorCode != 0)
        {
            writer.WriteError(envelope.ErrorCode, envelope.ErrorMessage!);
            outcome = RpcOutcome.InvalidRequest;
        }
        else if (Find(payload.Span, envelope) is not { } method)
        {
            writer.WriteError(RpcErrorCodes.MethodNotFound, NotFoundMessage(payload.Span, envelope));
            outcome = RpcOutcome.MethodNotFound;
        }
        else
        {
            methodTag = method.Name;
            if (!method.Descriptor.IsPublic && Refusal(context) is var failure && failure != RpcAuthFailure.None)
            {
                writer.WriteError(RpcAuthMessages.CodeOf(failure), RpcAuthMessages.Describe(failure));
                outcome = RpcOutcome.Unauthorized;
            }
            else if (scratch.Params.Load(payload, envelope, method) is { } bindError)
            {
                writer.WriteError(RpcErrorCodes.InvalidParams, bindError);
                outcome = RpcOutcome.InvalidParams;
            }
            else
            {
                outcome = await InvokeAsync(method, scratch, context).ConfigureAwait(false);
            }
        }

        var elapsed = RpcMetrics.ElapsedSeconds(start);
        Metrics.RecordRequest(methodTag, outcome, elapsed);
        RpcLog.Completed(_logger, methodTag, RpcMetrics.TagOf(outcome), elapsed * 1000);
        return outcome;
    }

    private async ValueTask<RpcOutcome> InvokeAsync(RpcMethod method, DispatchScratch scratch, RpcCallContext context)
    {
        var writer = scratch.Writer;
        try
        {
            await method.Invoker(method.Module, scratch.Params, context, writer).ConfigureAwait(false);
            return RpcOutcome.Success;
        }
        catch (RpcException e)
        {
            writer.Rollback();
            writer.WriteError(e.Code, e.Message, e.ErrorData);
            return Classify(e.Code);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            writer.Rollback();
            writer.WriteError(RpcErrorCodes.InternalError, "request cancelled");
            return RpcOutcome.InternalError;
        }
        catch (Exception e)
        {
            // The exception's message may quote parameters or state: the caller gets a fixed text and the log gets
            // the type and the frames only.
            writer.Rollback();
            writer.WriteError(RpcErrorCodes.InternalError, "internal error");
            RpcLog.Failed(_logger, method.Name, e.GetType().FullName ?? e.GetType().Name, new StackTrace(e, fNeedFileInfo: false).ToString());
            return RpcOutcome.InternalError;
        }
    }

    /// <summary>Why an anonymous or expired caller is refused; <see cref="RpcAuthFailure.None"/> when it may call.</summary>
    private RpcAuthFailure Refusal(RpcCallContext context)
    {
        if (context.Principal is not { } principal)
        {
            return context.AuthFailure;
        }

        return principal.ExpiresAt <= _time.GetUtcNow() ? RpcAuthFailure.ExpiredToken : RpcAuthFailure.None;
    }

    private static RpcOutcome Classify(int code) => code switch
    {
        RpcErrorCodes.InvalidParams => RpcOutcome.InvalidParams,
        RpcErrorCodes.Unauthorized or RpcErrorCodes.SessionExpired => RpcOutcome.Unauthorized,
        RpcErrorCodes.MethodNotFound => RpcOutcome.MethodNotFound,
        RpcErrorCodes.InvalidRequest => RpcOutcome.InvalidRequest,
        RpcErrorCodes.InternalError => RpcOutcome.InternalError,
        _ => RpcOutcome.Error,
    };

    /// <summary>Finds the method named by the envelope without allocating: the name is decoded onto the stack.</summary>
    [SkipLocalsInit]
    private RpcMethod? Find(ReadOnlySpan<byte> payload, in RequestEnvelope envelope)
    {
        if (envelope.MethodLength > MaxMethodNameLength)
        {
            return null;
        }

        Span<char> name = stackalloc char[MaxMethodNameLength];
        var length = DecodeName(payload, envelope, name);
        return length >= 0 && _lookup.TryGetValue(name[..length], out var method) ? method : null;
    }

    private static int DecodeName(ReadOnlySpan<byte> payload, in RequestEnvelope envelope, Span<char> name)
    {
        var raw = payload.Slice(envelope.MethodStart, envelope.MethodLength);
        if (!envelope.MethodEscaped)
        {
            return Encoding.UTF8.TryGetChars(raw, name, out var written) ? written : -1;
        }

        // Re-read the string token, quotes included, to let the reader unescape it; escapes of lone surrogates
        // cannot be unescaped and name no method.
        var reader = new Utf8JsonReader(payload.Slice(envelope.MethodStart - 1, envelope.MethodLength + 2));
        reader.Read();
        try
        {
            return reader.CopyString(name);
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    private static string NotFoundMessage(ReadOnlySpan<byte> payload, in RequestEnvelope envelope)
    {
        if (envelope.MethodLength > MaxMethodNameLength)
        {
            return "the method does not exist/is not available";
        }

        Span<char> name = stackalloc char[MaxMethodNameLength];
        var length = DecodeName(payload, envelope, name);
        return length < 0 ? "the method does not exist/is not available" : $"the method {name[..length]} does not exist/is not available";
    }
}
