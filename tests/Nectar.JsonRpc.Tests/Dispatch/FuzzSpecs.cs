using System.Text;
using Nectar.JsonRpc.Tests.Support;

namespace Nectar.JsonRpc.Tests.Dispatch;

public sealed class FuzzSpecs
{
    /// <summary>Replay a failure by running with this seed; the failing payload is printed in the assertion.</summary>
    private const int Seed = 20_261_121;

    private static readonly string[] Valid =
    [
        """{"jsonrpc":"2.0","id":1,"method":"test_add","params":["0x1","0xff"]}""",
        """{"jsonrpc":"2.0","id":"x","method":"test_optional","params":["0x00000000000000000000000000000000000000aa",{"blockHash":"0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","requireCanonical":true},"0x3"]}""",
        """[{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["a"]},{"jsonrpc":"2.0","method":"test_notify","params":["b"]},{"jsonrpc":"2.0","id":null,"method":"test_data","params":["0x00ff"]}]""",
        """{"jsonrpc":"2.0","id":2,"method":"test_block","params":[{"blockNumber":"0x10"}]}""",
        """{"jsonrpc":"2.0","id":3,"method":"test_revert","params":["0x08c379a0"]}""",
        """{"jsonrpc":"2.0","id":4,"method":"test_add","params":{"a":"0x1","b":"0x2"}}""",
    ];

    private static readonly string[] Fragments =
        ["{", "}", "[", "]", ",", ":", "\"", "null", "true", "0x", "\\u0000", "\\ud800", "\\", "1e999", "-0", "\"jsonrpc\"", "\"2.0\"", "\"id\"", "\"method\"", "\"params\"", "\"test_add\"", "\u00e9", "\ud83d\ude00"];

    [Fact]
    public async Task Answers_thousands_of_random_and_mutated_payloads_with_well_formed_json_rpc()
    {
        var rpc = new RpcHarness(new RpcLimits { MaxDepth = 16, MaxBatchLength = 50 });
        var random = new Random(Seed);
        for (var i = 0; i < 6_000; i++)
        {
            var payload = Generate(random, i);
            string? response;
            try
            {
                (response, _) = await rpc.SendBytesAsync(payload, i % 3 == 0 ? rpc.Anonymous() : rpc.Authenticated());
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i} threw {e.GetType().Name}: {Encoding.UTF8.GetString(payload)}");
                return;
            }

            if (response is not null)
            {
                try
                {
                    WellFormed.AssertResponse(response);
                }
                catch (Exception e)
                {
                    Assert.Fail($"case {i}: {e.Message}\npayload: {Encoding.UTF8.GetString(payload)}\nresponse: {response}");
                }
            }
        }

        Assert.Equal("0x539", RpcHarness.ResultOf(await rpc.CallAsync("test_chainId")).GetString());
    }

    private static byte[] Generate(Random random, int index)
    {
        switch (index % 4)
        {
            case 0:
                var noise = new byte[random.Next(0, 200)];
                random.NextBytes(noise);
                return noise;
            case 1:
                var text = new StringBuilder();
                for (var n = random.Next(1, 40); n > 0; n--)
                {
                    text.Append(Fragments[random.Next(Fragments.Length)]);
                }

                return Encoding.UTF8.GetBytes(text.ToString());
            default:
                var bytes = Encoding.UTF8.GetBytes(Valid[random.Next(Valid.Length)]).ToList();
                for (var n = random.Next(1, 6); n > 0 && bytes.Count > 0; n--)
                {
                    var at = random.Next(bytes.Count);
                    switch (random.Next(5))
                    {
                        case 0:
                            bytes[at] = (byte)random.Next(256);
                            break;
                        case 1:
                            bytes.RemoveAt(at);
                            break;
                        case 2:
                            bytes.InsertRange(at, Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]));
                            break;
                        case 3:
                            bytes.RemoveRange(at, bytes.Count - at);
                            break;
                        default:
                            var from = random.Next(bytes.Count);
                            var length = Math.Min(random.Next(1, 30), bytes.Count - from);
                            bytes.InsertRange(at, bytes.GetRange(from, length));
                            break;
                    }
                }

                return [.. bytes];
        }
    }
}
