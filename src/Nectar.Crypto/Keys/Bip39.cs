using System.Security.Cryptography;
using System.Text;

namespace Nectar.Crypto.Keys;

/// <summary>
/// BIP-39 seeds: the 64-byte seed of a mnemonic sentence and an optional passphrase, from which BIP-32 derives the
/// keys (<see cref="ExtendedPrivateKey.FromSeed"/>).
/// </summary>
/// <remarks>
/// The sentence is not checked against a wordlist or its checksum: BIP-39 defines the seed for any sentence, and
/// the phrases Nectar derives from (the well-known development phrase and phrases operators copy from their
/// wallets) are valid already. Words are separated by single spaces, as wallets write them.
/// <para>
/// BIP-39 normalises both texts to Unicode NFKD first. Nectar runs with invariant globalization, where .NET does
/// not normalise, so only ASCII text (whose NFKD form is itself, and which every English phrase is) is accepted;
/// anything else is refused rather than turned into a seed no wallet would produce.
/// </para>
/// </remarks>
public static class Bip39
{
    /// <summary>Length of a seed: 64 bytes.</summary>
    public const int SeedLength = 64;

    /// <summary>PBKDF2 rounds BIP-39 prescribes.</summary>
    public const int Iterations = 2048;

    /// <summary>
    /// The seed: PBKDF2-HMAC-SHA512 of the sentence, salted with <c>"mnemonic"</c> and the passphrase, 2,048
    /// rounds.
    /// </summary>
    /// <param name="mnemonic">The mnemonic sentence.</param>
    /// <param name="passphrase">The optional passphrase (empty when the wallet has none).</param>
    /// <returns>The 64-byte seed.</returns>
    /// <exception cref="ArgumentException">
    /// The sentence is empty or has leading, trailing or doubled spaces, or either text is not ASCII.
    /// </exception>
    public static byte[] DeriveSeed(string mnemonic, string passphrase = "")
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        ArgumentNullException.ThrowIfNull(passphrase);
        if (mnemonic.Length == 0 || mnemonic[0] == ' ' || mnemonic[^1] == ' ' || mnemonic.Contains("  ", StringComparison.Ordinal))
        {
            // A stray space changes the seed silently; a sentence copied with one is a mistake worth naming.
            throw new ArgumentException("A mnemonic is words separated by single spaces, without leading or trailing spaces.", nameof(mnemonic));
        }

        if (!Ascii.IsValid(mnemonic) || !Ascii.IsValid(passphrase))
        {
            throw new ArgumentException("Only ASCII mnemonics and passphrases are supported: others need Unicode NFKD normalisation first.", Ascii.IsValid(mnemonic) ? nameof(passphrase) : nameof(mnemonic));
        }

        // ASCII text is its own NFKD form, so its bytes are the normalised bytes BIP-39 hashes.
        var password = Encoding.ASCII.GetBytes(mnemonic);
        var salt = Encoding.ASCII.GetBytes("mnemonic" + passphrase);
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA512, SeedLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
            CryptographicOperations.ZeroMemory(salt);
        }
    }
}
