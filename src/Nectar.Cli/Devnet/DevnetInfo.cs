using System.Buffers;
using System.Text.Json;

namespace Nectar.Cli.Devnet;

/// <summary>
/// What a running devnet tells its users: the RPC and WebSocket URLs, the chain id and the development accounts
/// with their keys and tokens. Printed as a banner and, with <c>--info-file</c>, written as JSON
/// (<c>{rpcUrl, wsUrl, chainId, accounts: [{address, privateKey, token, roles}]}</c>) for scripts and test suites.
/// </summary>
/// <param name="RpcUrl">The HTTP JSON-RPC URL.</param>
/// <param name="WsUrl">The WebSocket JSON-RPC URL.</param>
/// <param name="ChainId">The chain id.</param>
/// <param name="Accounts">The development accounts, in derivation order.</param>
public sealed record DevnetInfo(Uri RpcUrl, Uri WsUrl, ulong ChainId, IReadOnlyList<DevnetAccount> Accounts)
{
    /// <summary>The URL without the trailing slash, as tools print and accept it.</summary>
    public string RpcUrlText => RpcUrl.ToString().TrimEnd('/');

    /// <summary>The WebSocket URL without the trailing slash.</summary>
    public string WsUrlText => WsUrl.ToString().TrimEnd('/');

    /// <summary>The info as JSON.</summary>
    /// <returns>The JSON text, indented.</returns>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("rpcUrl", RpcUrlText);
            writer.WriteString("wsUrl", WsUrlText);
            writer.WriteNumber("chainId", ChainId);
            writer.WriteStartArray("accounts");
            foreach (var account in Accounts)
            {
                writer.WriteStartObject();
                writer.WriteString("address", account.Address.ToChecksumString());
                writer.WriteString("privateKey", account.PrivateKey);
                writer.WriteString("token", account.Token);
                writer.WriteStartArray("roles");
                foreach (var role in account.Roles)
                {
                    writer.WriteStringValue(role);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>
    /// Writes the JSON to <paramref name="path"/> atomically: into a temporary file beside it (owner-only, as it holds
    /// keys and tokens), then renamed over the target, so a reader polling for the file never sees it half written.
    /// </summary>
    /// <param name="path">The info file.</param>
    public void WriteFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(ToJson());
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Writes the human-readable banner: URLs, chain id, accounts with keys and tokens, and a <c>cast</c> example.</summary>
    /// <param name="output">Where to write.</param>
    public void WriteBanner(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine();
        output.WriteLine("Nectar devnet is running. Every RPC call needs a bearer token (except eth_chainId, net_version,");
        output.WriteLine("web3_clientVersion and sign-in); each development account below is already signed in.");
        output.WriteLine();
        output.WriteLine($"RPC URL        {RpcUrlText}");
        output.WriteLine($"WebSocket URL  {WsUrlText}");
        output.WriteLine($"Chain id       {ChainId}");
        output.WriteLine();
        output.WriteLine("Accounts (well-known development keys: never use them on a real network)");
        for (var i = 0; i < Accounts.Count; i++)
        {
            var account = Accounts[i];
            output.WriteLine($"({i}) {account.Address.ToChecksumString()}  {string.Join(", ", account.Roles)}");
            output.WriteLine($"    private key  {account.PrivateKey}");
            output.WriteLine($"    token        {account.Token}");
        }

        if (Accounts.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Try:");
            output.WriteLine($"  cast block-number --rpc-url {RpcUrlText} --rpc-headers \"Authorization: Bearer {Accounts[0].Token}\"");
        }

        output.WriteLine();
        output.WriteLine("Press Ctrl+C to stop.");
        output.Flush();
    }
}
