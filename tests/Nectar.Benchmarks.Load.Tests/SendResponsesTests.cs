using System.Net;
using System.Text;
using System.Text.Json;
using Nectar.Benchmarks.Load.Measurement;
using Nectar.Benchmarks.Load.Phases;
using Nectar.Benchmarks.Load.Workload;

namespace Nectar.Benchmarks.Load.Tests;

public class SendResponsesTests
{
    [Fact]
    public void A_single_answer_with_a_hash_is_accepted()
    {
        var kinds = new string?[1];
        SendResponses.Classify(HttpStatusCode.OK, Utf8("""{"jsonrpc":"2.0","id":7,"result":"0xabc"}"""), false, 7, kinds);
        Assert.Null(kinds[0]);
    }

    [Fact]
    public void A_single_error_is_counted_by_code_and_the_text_before_the_colon()
    {
        var kinds = new string?[1];
        SendResponses.Classify(HttpStatusCode.OK, Utf8("""{"jsonrpc":"2.0","id":7,"error":{"code":-32000,"message":"nonce too low: next nonce 9, tx nonce 7"}}"""), false, 7, kinds);
        Assert.Equal("-32000 nonce too low", kinds[0]);
        Assert.True(SendResponses.IsAlreadyThere(kinds[0]!));
    }

    [Fact]
    public void Batch_answers_are_matched_by_id_in_any_order()
    {
        var kinds = new string?[3];
        SendResponses.Classify(
            HttpStatusCode.OK,
            Utf8("""[{"id":12,"result":"0x1"},{"id":10,"error":{"code":-32000,"message":"txpool is full"}},{"id":11,"result":"0x2"}]"""),
            true,
            10,
            kinds);
        Assert.Equal(new string?[] { "-32000 txpool is full", null, null }, kinds.AsEnumerable());
        Assert.False(SendResponses.IsAlreadyThere(kinds[0]!));
    }

    [Fact]
    public void A_missing_batch_answer_is_an_error()
    {
        var kinds = new string?[2];
        SendResponses.Classify(HttpStatusCode.OK, Utf8("""[{"id":5,"result":"0x1"}]"""), true, 5, kinds);
        Assert.Null(kinds[0]);
        Assert.Equal("no answer in the batch", kinds[1]);
    }

    [Fact]
    public void A_refused_request_without_json_is_counted_by_http_status()
    {
        var kinds = new string?[2];
        SendResponses.Classify(HttpStatusCode.Unauthorized, Utf8("Unauthorized"), true, 0, kinds);
        Assert.Equal(new string?[] { "HTTP 401", "HTTP 401" }, kinds.AsEnumerable());
    }

    [Fact]
    public void Error_counter_bounds_the_number_of_kinds()
    {
        var counter = new ErrorCounter();
        for (var i = 0; i < 100; i++)
        {
            counter.Add($"kind {i}");
        }

        counter.Add("kind 0");
        var snapshot = counter.Snapshot();
        Assert.Equal(101, counter.Total);
        Assert.True(snapshot.Count <= 41);
        Assert.Equal(101, snapshot.Sum(p => p.Value));
        Assert.Equal(2, snapshot.Single(p => p.Key == "kind 0").Value);
    }

    [Fact]
    public void Request_body_is_a_json_rpc_request_with_the_nonce_as_id()
    {
        var body = TransferSet.RequestBody(42, [0x02, 0xf8, 0x01]);
        using var document = JsonDocument.Parse(body);
        Assert.Equal(42, document.RootElement.GetProperty("id").GetInt32());
        Assert.Equal("eth_sendRawTransaction", document.RootElement.GetProperty("method").GetString());
        Assert.Equal("0x02f801", document.RootElement.GetProperty("params")[0].GetString());
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
