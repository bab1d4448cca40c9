using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Nectar.JsonRpc.Diagnostics;
using Nectar.JsonRpc.Subscriptions;

namespace Nectar.JsonRpc.Dispatch;

/// <summary>
/// Executes JSON-RPC payloads against the registered modules: parses single requests and batches, enforces the
/// limits, checks authentication per method, binds parameters, runs the method and writes the response bytes.
/// Transport-agnostic and thread-safe; build it with <see cref="RpcDispatcherBuilder"/>.
/// </summary>
public sealed partial class RpcDispatcher
{
    private const int MaxMethodNameLength = 128;
    private const string ResponseTooLarge = "response too large";

    private readonly FrozenDictionary<string, RpcMethod> _methods;
    private readonly FrozenDictionary<string, RpcMethod>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    [ThreadStatic]
    private static DispatchScratch? _threadScratch;

    private readonly ConcurrentBag<DispatchScratch> _scratch = [];
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    internal RpcDispatcher(
        IReadOnlyList<RpcMethod> methods,
        RpcLimits limits,
        JsonSerializerOptions options,
        FrozenDictionary<string, IRpcSubscriptionSource> sources,
        RpcConnectionOptions connectionOptions,
        RpcMetrics metrics,
        ILoggerFactory loggerFactory,
        TimeProvider time)
    {
        _methods = methods.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);
        _lookup = _methods.GetAlternateLookup<ReadOnlySpan<char>>();
        Methods = [.. methods.Select(m => m.Descriptor).OrderBy(d => d.Name, StringComparer.Ordinal)];
        Limits = limits;
        SerializerOptions = options;
        SubscriptionSources = sources;
        ConnectionOptions = connectionOptions;
        Metrics = metrics;
        LoggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("Nectar.JsonRpc");
        _time = time;
    }

    /// <summary>Every registered method, by name.</summary>
    public IReadOnlyList<RpcMethodDescriptor> Methods { get; }

    /// <summary>The limits every payload is checked against.</summary>
    public RpcLimits Limits { get; }

    /// <summary>The serializer options (source-generated metadata and the Ethereum converters), read-only.</summary>
    public JsonSerializerOptions SerializerOptions { get; }

    /// <summary>The subscription kinds <c>eth_subscribe</c> accepts, by name.</summary>
    public IReadOnlyDictionary<string, IRpcSubscriptionSource> SubscriptionSources { get; }

    /// <summary>The limits applied to long-lived connections.</summary>
    public RpcConnectionOptions ConnectionOptions { get; }

    /// <summary>The instruments this dispatcher and its connections record to.</summary>
    public RpcMetrics Metrics { get; }

    /// <summary>The logger factory the dispatcher and its connections log through.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The clock used to check session expiry.</summary>
    public TimeProvider TimeProvider => _time;

    /// <summary>Looks a method up by its wire name.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="descriptor">The method, when registered.</param>
    /// <returns>Whether the method exists.</returns>
    public bool TryGetMethod(string name, [NotNullWhen(true)] out RpcMethodDescriptor? descriptor)
    {
        descriptor = _methods.TryGetValue(name, out var method) ? method.Descriptor : null;
        return descriptor is not null;
    }

    /// <summary>
    /// Executes a payload (one request or a batch) and appends the response to <paramref name="output"/>. Never
    /// throws for bad input: every problem becomes a JSON-RPC error in the response.
    /// </summary>
    /// <param name="payload">The UTF-8 request bytes; must stay unchanged until the returned task completes.</param>
    /// <param name="context">Who is calling, over what, with which cancellation.</param>
    /// <param name="output">Receives the response bytes (nothing when every request was a notification).</param>
    /// <returns>What was written, for the transport's status code and framing.</returns>
    public async ValueTask<RpcDispatchResult> DispatchAsync(ReadOnlyMemory<byte> payload, RpcCallContext context, RpcBufferWriter output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var scratch = RentScratch();

        var outputStart = output.WrittenCount;
        var reusable = true;
        try
        {
            var code = Prepare(payload.Span, scratch, out var count, out var isBatch, out var message);
            var writer = scratch.Writer;
            writer.Start(output, payload, code == 0 && isBatch);
            if (code != 0)
            {
                writer.Begin(new RequestEnvelope { IdKind = JsonTokenType.Null });
                writer.WriteError(code, message!);
                writer.Finish();
                var outcome = code == RpcErrorCodes.ParseError ? RpcOutcome.ParseError : RpcOutcome.InvalidRequest;
                Metrics.RecordRequest(RpcMetrics.UnknownMethod, outcome, 0);
                RpcLog.PayloadRejected(_logger, code);
                return new RpcDispatchResult(true, false, 1, 0);
            }

            var unauthorized = 0;
            var start = output.WrittenCount;
            for (var i = 0; i < count; i++)
            {
                if (output.WrittenCount - start > Limits.MaxResponseBytes)
                {
                    // The response is already as large as allowed: answer the rest without running them.
                    writer.Begin(scratch.Envelopes[i]);
                    writer.WriteError(RpcErrorCodes.LimitExceeded, ResponseTooLarge);
                    continue;
                }

                try
                {
                    if (await ExecuteAsync(scratch.Envelopes[i], payload, context, scratch).ConfigureAwait(false) == RpcOutcome.Unauthorized)
                    {
                        unauthorized++;
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A defect outside the method (lookup, binding set-up): this request fails alone.
                    writer.Rollback();
                    writer.WriteError(RpcErrorCodes.InternalError, "internal error");
                    RpcLog.Failed(_logger, RpcMetrics.UnknownMethod, e.GetType().FullName ?? e.GetType().Name, new StackTrace(e, fNeedFileInfo: false).ToString());
                }

                if (!isBatch && writer.LastLength > Limits.MaxResponseBytes)
                {
                    writer.ReplaceLast(RpcErrorCodes.LimitExceeded, ResponseTooLarge);
                }
            }

            writer.Finish();
            return new RpcDispatchResult(writer.Count > 0, isBatch, count, unauthorized);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect in the framework itself must still leave a well-formed answer and a working transport.
            reusable = false;
            output.Truncate(outputStart);
            var fallback = new RpcResponseWriter();
            fallback.Start(output, default, batch: false);
            fallback.Begin(new RequestEnvelope { IdKind = JsonTokenType.Null });
            fallback.WriteError(RpcErrorCodes.InternalError, "internal error");
            RpcLog.Failed(_logger, RpcMetrics.UnknownMethod, e.GetType().FullName ?? e.GetType().Name, new StackTrace(e, fNeedFileInfo: false).ToString());
            return new RpcDispatchResult(true, false, 1, 0);
        }
        finally
        {
            scratch.Params.Release();
            if (reusable)
            {
                ReturnScratch(scratch);
            }
        }
    }

    /// <summary>
    /// Scratch comes from a one-slot cache on the current thread first (no synchronisation on the common path), then
    /// from the shared bag. A dispatch that resumes on another thread simply returns it there.
    /// </summary>
    private DispatchScratch RentScratch()
    {
        var cached = _threadScratch;
        if (cached is not null && ReferenceEquals(cached.Owner, this))
        {
            _threadScratch = null;
            return cached;
        }

        return _scratch.TryTake(out var pooled) ? pooled : new DispatchScratch(this);
    }

    private void ReturnScratch(DispatchScratch scratch)
    {
        if (_threadScratch is null || !ReferenceEquals(_threadScratch.Owner, this))
        {
            _threadScratch = scratch;
        }
        else
        {
            _scratch.Add(scratch);
        }
    }

    private int Prepare(ReadOnlySpan<byte> payload, DispatchScratch scratch, out int count, out bool isBatch, out string? message)
    {
        count = 0;
        isBatch = false;
        var code = PayloadScanner.Validate(payload, Limits, out message);
        return code != 0 ? code : PayloadScanner.Split(payload, Limits, ref scratch.Envelopes, out count, out isBatch, out message);
    }
}
