using System.Net;
using System.Text.Json;
using Nectar.Benchmarks.Load.Measurement;
using Nectar.Benchmarks.Load.Rpc;

namespace Nectar.Benchmarks.Load.Phases;

/// <summary>Reads the answers to <c>eth_sendRawTransaction</c> requests, single or batched, into accepted or an error kind.</summary>
internal static class SendResponses
{
    /// <summary>
    /// Classifies the answer to a request carrying <c>kinds.Length</c> transfers of one sender with consecutive
    /// nonces from <paramref name="firstNonce"/> (the request ids are the nonces).
    /// </summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The response body.</param>
    /// <param name="batched">Whether the request was a batch.</param>
    /// <param name="firstNonce">The nonce (and id) of the first transfer.</param>
    /// <param name="kinds">Receives, per transfer, null when accepted or the error's kind.</param>
    public static void Classify(HttpStatusCode status, byte[] body, bool batched, int firstNonce, Span<string?> kinds)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            kinds.Fill(status == HttpStatusCode.OK ? "malformed response" : $"HTTP {(int)status}");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (!batched || root.ValueKind != JsonValueKind.Array)
            {
                kinds.Fill(KindOf(JsonRpcHttpClient.OutcomeOf(root), status));
                return;
            }

            kinds.Fill("no answer in the batch");
            foreach (var response in root.EnumerateArray())
            {
                if (response.TryGetProperty("id", out var id) && id.TryGetInt64(out var nonce) && nonce >= firstNonce && nonce < firstNonce + kinds.Length)
                {
                    kinds[(int)(nonce - firstNonce)] = KindOf(JsonRpcHttpClient.OutcomeOf(response), status);
                }
            }
        }
    }

    /// <summary>Whether an error means the transfer is already where it should be: pooled or mined (after a resend).</summary>
    /// <param name="kind">The error's kind.</param>
    /// <returns>True for "already known" and "nonce too low" in their usual spellings.</returns>
    public static bool IsAlreadyThere(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.Contains("already known", StringComparison.OrdinalIgnoreCase)
            || kind.Contains("already imported", StringComparison.OrdinalIgnoreCase)
            || kind.Contains("nonce too low", StringComparison.OrdinalIgnoreCase);
    }

    private static string? KindOf(RpcOutcome outcome, HttpStatusCode status) =>
        outcome.Succeeded
            ? (status == HttpStatusCode.OK ? null : $"HTTP {(int)status}")
            : ErrorCounter.KindOf(outcome.ErrorCode!.Value, outcome.ErrorMessage!);

    /// <summary>The kind of a transport failure.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>Its kind.</returns>
    public static string KindOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            TaskCanceledException => "request timed out",
            HttpRequestException http => $"HTTP failure: {http.HttpRequestError}",
            _ => exception.GetType().Name,
        };
    }
}
