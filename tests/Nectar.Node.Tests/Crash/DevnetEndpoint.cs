using System.Text.Json.Nodes;

namespace Nectar.Node.Tests.Crash;

/// <summary>What a running <c>nectar devnet</c> wrote to its info file: the RPC URL, the chain id and a token per development account.</summary>
internal sealed record DevnetEndpoint(Uri RpcUrl, ulong ChainId, IReadOnlyList<string> Tokens)
{
    /// <summary>Account 8 holds the auditor role: it may read every transaction and receipt.</summary>
    public const int Auditor = 8;

    /// <summary>The info file's contents, or <see langword="null"/> while it is absent or incomplete.</summary>
    public static DevnetEndpoint? TryRead(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }

        // The devnet renames the file into place whole, so a file that exists parses; anything else is a real failure.
        var json = JsonNode.Parse(text)!.AsObject();
        var tokens = json["accounts"]!.AsArray().Select(account => account!["token"]!.GetValue<string>()).ToList();
        return new DevnetEndpoint(new Uri(json["rpcUrl"]!.GetValue<string>()), json["chainId"]!.GetValue<ulong>(), tokens);
    }
}
