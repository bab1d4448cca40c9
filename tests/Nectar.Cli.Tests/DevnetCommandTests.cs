using System.CommandLine;
using System.Text.Json.Nodes;

namespace Nectar.Cli.Tests;

public sealed class DevnetCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nectar-devnet-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Writes_the_info_file_once_ready_and_removes_it_when_stopped()
    {
        var infoFile = Path.Combine(_directory, "info.json");
        var dataDir = Path.Combine(_directory, "data");
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();

        var run = NectarCommand.Create()
            .Parse(["devnet", "--port", "0", "--data-dir", dataDir, "--info-file", infoFile, "--log-level", "Warning"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, stop.Token);
        var info = await WaitForFileAsync(infoFile, run, TimeSpan.FromSeconds(60));

        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", info["rpcUrl"]!.GetValue<string>());
        Assert.Matches(@"^ws://127\.0\.0\.1:\d+$", info["wsUrl"]!.GetValue<string>());
        Assert.Equal(632_827UL, info["chainId"]!.GetValue<ulong>());
        var accounts = info["accounts"]!.AsArray();
        Assert.Equal(10, accounts.Count);
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", accounts[0]!["address"]!.GetValue<string>());
        Assert.Equal("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", accounts[0]!["privateKey"]!.GetValue<string>());
        Assert.All(accounts, a => Assert.StartsWith("nectar_", a!["token"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(10, accounts.Select(a => a!["token"]!.GetValue<string>()).Distinct().Count());
        Assert.Contains("auditor", accounts[8]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        // The banner carries the same URL, every token, and a cast example using the first one.
        var banner = output.ToString();
        Assert.Contains("RPC URL        " + info["rpcUrl"]!.GetValue<string>(), banner, StringComparison.Ordinal);
        Assert.Contains(
            $"cast block-number --rpc-url {info["rpcUrl"]} --rpc-headers \"Authorization: Bearer {accounts[0]!["token"]}\"",
            banner,
            StringComparison.Ordinal);

        // The token works over HTTP; a request without one is refused.
        using var http = new HttpClient();
        using var anonymous = await PostAsync(http, info["rpcUrl"]!.GetValue<string>(), "eth_blockNumber", null);
        using var signedIn = await PostAsync(http, info["rpcUrl"]!.GetValue<string>(), "eth_blockNumber", accounts[1]!["token"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("0x0", JsonNode.Parse(await signedIn.Content.ReadAsStringAsync())!["result"]!.GetValue<string>());

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.False(File.Exists(infoFile));
        Assert.True(Directory.Exists(Path.Combine(dataDir, "db")));
    }

    [Fact]
    public async Task Without_a_data_directory_the_temporary_one_is_removed_at_exit()
    {
        var infoFile = Path.Combine(_directory, "info.json");
        var before = Directory.GetDirectories(Path.GetTempPath(), "nectar-devnet-*").ToHashSet();
        using var stop = new CancellationTokenSource();

        var run = NectarCommand.Create()
            .Parse(["devnet", "--port", "0", "--info-file", infoFile, "--log-level", "Warning"])
            .InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null }, stop.Token);
        await WaitForFileAsync(infoFile, run, TimeSpan.FromSeconds(60));
        var created = Directory.GetDirectories(Path.GetTempPath(), "nectar-devnet-*").Where(d => !before.Contains(d)).ToList();
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.NotEmpty(created);
        Assert.All(created, d => Assert.False(Directory.Exists(d)));
    }

    [Fact]
    public async Task Refuses_a_port_out_of_range_with_the_option_path()
    {
        using var error = new StringWriter();

        var exit = await NectarCommand.Create()
            .Parse(["devnet", "--port", "70000"])
            .InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = error });

        Assert.Equal(2, exit);
        Assert.Contains("rpc.port: must lie between 0 and 65535 (got 70000)", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<JsonObject> WaitForFileAsync(string path, Task<int> run, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(run.IsCompleted, $"devnet exited early with {(run.IsCompleted ? await run : 0)}");
            if (File.Exists(path))
            {
                return JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
            }

            Assert.True(DateTime.UtcNow < deadline, "no info file in time");
            await Task.Delay(20);
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string url, string method, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent($$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":[]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return http.SendAsync(request);
    }
}
