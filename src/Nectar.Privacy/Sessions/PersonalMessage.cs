using System.Runtime.CompilerServices;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;

namespace Nectar.Privacy.Sessions;

/// <summary>
/// EIP-191 version 0x45 ("personal_sign"): the hash a wallet signs for a plain-text message,
/// keccak256("\x19Ethereum Signed Message:\n" + decimal byte length + message).
/// </summary>
[SkipLocalsInit]
public static class PersonalMessage
{
    /// <summary>Hashes a message as <c>personal_sign</c> does.</summary>
    /// <param name="message">The message bytes (UTF-8 for text).</param>
    /// <returns>The 32-byte hash that was signed.</returns>
    public static Hash256 Hash(ReadOnlySpan<byte> message)
    {
        // A decimal int needs at most 10 digits.
        Span<byte> length = stackalloc byte[10];
        message.Length.TryFormat(length, out var lengthDigits, default, System.Globalization.CultureInfo.InvariantCulture);

        var hasher = default(KeccakHasher);
        hasher.Update("\u0019Ethereum Signed Message:\n"u8);
        hasher.Update(length[..lengthDigits]);
        hasher.Update(message);
        return hasher.Final();
    }

    /// <summary>Hashes a text message, encoded as UTF-8, as <c>personal_sign</c> does.</summary>
    /// <param name="message">The text.</param>
    /// <returns>The 32-byte hash that was signed.</returns>
    public static Hash256 Hash(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Hash(System.Text.Encoding.UTF8.GetBytes(message));
    }
}
