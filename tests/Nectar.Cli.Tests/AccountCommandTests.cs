using System.CommandLine;
using System.Text.Json.Nodes;
using Nectar.Crypto.Keystore;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;

namespace Nectar.Cli.Tests;

public sealed class AccountCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nectar-accounts-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void New_then_list_shows_the_created_account_and_the_file_decrypts_to_its_key()
    {
        var passwordFile = WritePasswordFile("s3cret password\n");
        var keystore = Path.Combine(_directory, "keystore");

        var (exit, output, _) = Run("account", "new", "--keystore-dir", keystore, "--password-file", passwordFile, "--light-kdf");

        Assert.Equal(0, exit);
        var address = output[0];
        Assert.Matches("^0x[0-9a-fA-F]{40}$", address);
        var file = Assert.Single(Directory.GetFiles(keystore));
        Assert.Equal(file, output[1]);
        Assert.EndsWith("--" + address[2..].ToLowerInvariant(), Path.GetFileName(file), StringComparison.Ordinal);

        var key = Web3Keystore.Decrypt(File.ReadAllText(file), "s3cret password");
        using var secp256k1 = new LibSecp256k1();
        Assert.Equal(address, new TransactionSigner(secp256k1).AddressOf(key).ToChecksumString());

        var list = Run("account", "list", "--keystore-dir", keystore);
        Assert.Equal(0, list.Exit);
        Assert.Equal([$"{address} {file}"], list.Output);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Key_files_are_readable_by_their_owner_only()
    {
        var keystore = Path.Combine(_directory, "keystore");

        Run("account", "new", "--keystore-dir", keystore, "--password-file", WritePasswordFile("pw"), "--light-kdf");

        var file = Assert.Single(Directory.GetFiles(keystore));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keystore));
    }

    [Fact]
    public void Two_accounts_have_different_keys_and_are_listed_oldest_first()
    {
        var keystore = Path.Combine(_directory, "keystore");
        var passwordFile = WritePasswordFile("pw");

        var first = Run("account", "new", "--keystore-dir", keystore, "--password-file", passwordFile, "--light-kdf").Output[0];
        var second = Run("account", "new", "--keystore-dir", keystore, "--password-file", passwordFile, "--light-kdf").Output[0];

        Assert.NotEqual(first, second);
        var listed = Run("account", "list", "--keystore-dir", keystore).Output.Select(line => line.Split(' ')[0]).ToList();
        Assert.Equal([first, second], listed);
    }

    [Fact]
    public void New_refuses_an_empty_password()
    {
        var keystore = Path.Combine(_directory, "keystore");

        var (exit, _, error) = Run("account", "new", "--keystore-dir", keystore, "--password-file", WritePasswordFile("\n"), "--light-kdf");

        Assert.Equal(2, exit);
        Assert.Contains("error: the password must not be empty", error);
        Assert.False(Directory.Exists(keystore));
    }

    [Fact]
    public void List_skips_files_that_are_not_key_files_and_says_so()
    {
        var keystore = Path.Combine(_directory, "keystore");
        Directory.CreateDirectory(keystore);
        File.WriteAllText(Path.Combine(keystore, "notes.txt"), "not a key");

        var (exit, output, error) = Run("account", "list", "--keystore-dir", keystore);

        Assert.Equal(0, exit);
        Assert.Empty(output);
        Assert.StartsWith("skipped " + Path.Combine(keystore, "notes.txt"), Assert.Single(error), StringComparison.Ordinal);
    }

    [Fact]
    public void List_reads_files_written_by_other_tools()
    {
        var keystore = Path.Combine(_directory, "keystore");
        Directory.CreateDirectory(keystore);
        var node = JsonNode.Parse(Web3Keystore.Encrypt(new byte[31].Append((byte)1).ToArray(), "pw", Core.Primitives.Address.Parse("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf"), ScryptParameters.Light))!;
        File.WriteAllText(Path.Combine(keystore, "a.json"), node.ToJsonString());

        var (_, output, _) = Run("account", "list", "--keystore-dir", keystore);

        Assert.Equal($"0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf {Path.Combine(keystore, "a.json")}", Assert.Single(output));
    }

    private string WritePasswordFile(string content)
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "password-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Exit, string[] Output, string[] Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = NectarCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, Lines(output), Lines(error));
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
