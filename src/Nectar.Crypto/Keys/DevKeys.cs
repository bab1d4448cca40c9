namespace Nectar.Crypto.Keys;

/// <summary>
/// Development accounts derived the way anvil and hardhat derive theirs: BIP-39 seed of a mnemonic, then BIP-32 along
/// <c>m/44'/60'/0'/0/i</c>. With <see cref="DefaultMnemonic"/> they are the accounts every Ethereum tool knows
/// (the first is <c>0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266</c>).
/// </summary>
public static class DevKeys
{
    /// <summary>The well-known development phrase of anvil and hardhat.</summary>
    public const string DefaultMnemonic = "test test test test test test test test test test test junk";

    /// <summary>How many accounts a devnet funds by default.</summary>
    public const int DefaultCount = 10;

    /// <summary>The parent of the accounts, <c>m/44'/60'/0'/0</c>: account i is its child i.</summary>
    public static KeyPath AccountsPath { get; } = KeyPath.Parse("m/44'/60'/0'/0");

    /// <summary>Derives the first <paramref name="count"/> accounts of a mnemonic.</summary>
    /// <param name="count">How many accounts, from index 0.</param>
    /// <param name="mnemonic">The mnemonic sentence; <see cref="DefaultMnemonic"/> when omitted.</param>
    /// <param name="passphrase">The optional BIP-39 passphrase.</param>
    /// <returns>The accounts in index order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above 10,000.</exception>
    public static IReadOnlyList<DevKey> Derive(int count = DefaultCount, string mnemonic = DefaultMnemonic, string passphrase = "")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 10_000);
        var parent = ExtendedPrivateKey.FromMnemonic(mnemonic, passphrase).Derive(AccountsPath);
        var keys = new DevKey[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = new DevKey(i, parent.Derive((uint)i));
        }

        return keys;
    }
}
