using System.CommandLine;
using System.Security.Cryptography;
using Nectar.Crypto.Keystore;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;

namespace Nectar.Cli.Accounts;

/// <summary>
/// <c>nectar account new|list</c>: creates password-protected key files (Web3 Secret Storage v3, readable by
/// <c>cast wallet</c> and go-ethereum) and lists the accounts in a keystore folder.
/// </summary>
public static class AccountCommand
{
    /// <summary>Creates the <c>account</c> command with its subcommands.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var command = new Command("account", "Create and list account key files.");
        command.Subcommands.Add(CreateNew());
        command.Subcommands.Add(CreateList());
        return command;
    }

    /// <summary>Creates a new random key, writes it encrypted into the keystore folder and prints its address.</summary>
    /// <param name="keystoreDirectory">The folder.</param>
    /// <param name="password">The password protecting the file; must not be empty.</param>
    /// <param name="parameters">The scrypt cost.</param>
    /// <param name="output">Receives the address (one line) and the file path (a second line).</param>
    /// <returns>The account's address and the file path.</returns>
    public static (string Address, string Path) CreateAccount(string keystoreDirectory, string password, ScryptParameters parameters, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(keystoreDirectory);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(output);
        using var secp256k1 = new LibSecp256k1();
        var key = new byte[Web3Keystore.KeyLength];
        try
        {
            do
            {
                RandomNumberGenerator.Fill(key);
            }
            while (!secp256k1.IsValidPrivateKey(key));

            var address = new TransactionSigner(secp256k1).AddressOf(key);
            var json = Web3Keystore.Encrypt(key, password, address, parameters);
            var path = KeystoreDirectory.WriteKeyFile(keystoreDirectory, Web3Keystore.FileName(address, DateTimeOffset.UtcNow), json);
            var text = address.ToChecksumString();
            output.WriteLine(text);
            output.WriteLine(path);
            return (text, path);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Lists the accounts whose key files are in a folder, one <c>address path</c> line each, oldest first.</summary>
    /// <param name="keystoreDirectory">The folder.</param>
    /// <param name="output">Receives the lines.</param>
    /// <param name="error">Receives a note for each file that is not a key file.</param>
    /// <returns>The number of accounts listed.</returns>
    public static int ListAccounts(string keystoreDirectory, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(keystoreDirectory);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!Directory.Exists(keystoreDirectory))
        {
            return 0;
        }

        var count = 0;
        foreach (var path in Directory.EnumerateFiles(keystoreDirectory).Order(StringComparer.Ordinal))
        {
            if (path.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                var info = Web3Keystore.ReadInfo(File.ReadAllText(path));
                output.WriteLine($"{(info.Address is { } address ? address.ToChecksumString() : "(address not recorded)")} {path}");
                count++;
            }
            catch (Exception exception) when (exception is KeystoreException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"skipped {path}: {exception.Message}");
            }
        }

        return count;
    }

    private static Command CreateNew()
    {
        var directory = KeystoreDirectoryOption();
        var passwordFile = new Option<string?>("--password-file") { Description = "Read the password from the first line of this file instead of prompting." };
        var light = new Option<bool>("--light-kdf") { Description = "Use a cheap key derivation (scrypt N = 4096): for throw-away development keys only." };
        var command = new Command("new", "Create a new account: a random key saved encrypted in the keystore folder; prints its address.");
        command.Options.Add(directory);
        command.Options.Add(passwordFile);
        command.Options.Add(light);
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            string? password;
            if (parse.GetValue(passwordFile) is { } file)
            {
                try
                {
                    password = PasswordReader.FromFile(file);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"error: cannot read the password file: {exception.Message}");
                    return 2;
                }
            }
            else
            {
                password = PasswordReader.Prompt("Password: ", error);
                if (password is not null && PasswordReader.Prompt("Repeat the password: ", error) != password)
                {
                    error.WriteLine("error: the passwords differ");
                    return 2;
                }
            }

            if (string.IsNullOrEmpty(password))
            {
                error.WriteLine("error: the password must not be empty");
                return 2;
            }

            CreateAccount(parse.GetValue(directory)!, password, parse.GetValue(light) ? ScryptParameters.Light : ScryptParameters.Standard, parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    private static Command CreateList()
    {
        var directory = KeystoreDirectoryOption();
        var command = new Command("list", "List the accounts in the keystore folder: address and file, one per line.");
        command.Options.Add(directory);
        command.SetAction(parse =>
        {
            ListAccounts(parse.GetValue(directory)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            return 0;
        });
        return command;
    }

    private static Option<string> KeystoreDirectoryOption() => new("--keystore-dir")
    {
        Description = "The keystore folder (default: $NECTAR_KEYSTORE or ~/.nectar/keystore).",
        DefaultValueFactory = _ => KeystoreDirectory.Default,
    };
}
