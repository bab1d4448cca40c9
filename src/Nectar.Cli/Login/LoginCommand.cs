using System.CommandLine;
using System.Security.Cryptography;
using Nectar.Cli.Accounts;
using Nectar.Core.Encoding;
using Nectar.Crypto.Keystore;
using Nectar.Crypto.Secp256k1;

namespace Nectar.Cli.Login;

/// <summary>
/// <c>nectar login (--key HEX | --keystore FILE) --rpc-url URL</c>: signs in with Sign-In with Ethereum and prints
/// only the bearer token, so <c>TOKEN=$(nectar login …)</c> works in scripts.
/// </summary>
public static class LoginCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var key = new Option<string?>("--key") { Description = "The account's private key as hex (visible in the process list: prefer --keystore outside a devnet)." };
        var keystore = new Option<string?>("--keystore") { Description = "A key file (Web3 Secret Storage, as written by nectar account new, cast wallet or geth)." };
        var passwordFile = new Option<string?>("--password-file") { Description = "Read the key file's password from the first line of this file instead of prompting." };
        var rpcUrl = new Option<Uri>("--rpc-url")
        {
            Description = "The node's RPC URL.",
            DefaultValueFactory = _ => new Uri("http://127.0.0.1:8545"),
        };
        var command = new Command("login", "Sign in to a node with an account key and print the bearer token.");
        command.Options.Add(key);
        command.Options.Add(keystore);
        command.Options.Add(passwordFile);
        command.Options.Add(rpcUrl);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var privateKey = ReadKey(parse.GetValue(key), parse.GetValue(keystore), parse.GetValue(passwordFile), error);
            if (privateKey is null)
            {
                return 2;
            }

            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                using var secp256k1 = new LibSecp256k1();
                var url = parse.GetValue(rpcUrl)!;
                var token = await SiweLogin.SignInAsync(new JsonRpcHttpClient(http, url), url, privateKey, secp256k1, cancellationToken).ConfigureAwait(false);
                await parse.InvocationConfiguration.Output.WriteLineAsync(token).ConfigureAwait(false);
                return 0;
            }
            catch (Exception exception) when (exception is JsonRpcCallException or HttpRequestException or TaskCanceledException or ArgumentException)
            {
                await error.WriteLineAsync($"error: sign-in failed: {exception.Message}").ConfigureAwait(false);
                return 1;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(privateKey);
            }
        });
        return command;
    }

    private static byte[]? ReadKey(string? hex, string? keystore, string? passwordFile, TextWriter error)
    {
        if ((hex is null) == (keystore is null))
        {
            error.WriteLine("error: give exactly one of --key and --keystore");
            return null;
        }

        if (hex is not null)
        {
            var key = new byte[Web3Keystore.KeyLength];
            if (Hex.TryDecode(hex.Trim(), key, out var written) != HexError.None || written != key.Length)
            {
                error.WriteLine("error: --key must be 32 bytes of hex");
                return null;
            }

            return key;
        }

        try
        {
            var password = passwordFile is not null ? PasswordReader.FromFile(passwordFile) : PasswordReader.Prompt("Password: ", error);
            return Web3Keystore.Decrypt(File.ReadAllText(keystore!), password ?? string.Empty);
        }
        catch (Exception exception) when (exception is KeystoreException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot open the key file: {exception.Message}");
            return null;
        }
    }
}
