using System.Buffers.Binary;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Nectar.Privacy.Sessions;

/// <summary>
/// A bearer token: <c>nectar_</c> followed by 256 random bits in URL-safe base64 (43 characters). The service
/// keeps only its SHA-256 hash. This object is the one place the token text lives after sign-in: its
/// <see cref="ToString"/> is redacted so it cannot reach a log or a message by accident; <see cref="Reveal"/> gives
/// the text to hand to the client.
/// </summary>
[SkipLocalsInit]
public sealed class SessionToken
{
    /// <summary>The prefix every token starts with, so leaked tokens are recognisable to secret scanners.</summary>
    public const string Prefix = "nectar_";

    /// <summary>The length of a token in characters.</summary>
    public const int Length = 50;

    /// <summary>Length of the token hash (SHA-256).</summary>
    internal const int HashLength = 32;

    private const int RandomBytes = 32;

    private readonly string _value;

    private SessionToken(string value) => _value = value;

    /// <summary>The token text, for the client and nobody else.</summary>
    /// <returns>The bearer token.</returns>
    public string Reveal() => _value;

    /// <summary>A redacted placeholder; never the token.</summary>
    /// <returns><c>nectar_[redacted]</c>.</returns>
    public override string ToString() => Prefix + "[redacted]";

    /// <summary>Whether text has the shape of a token (prefix, length, URL-safe base64 alphabet). Says nothing about validity.</summary>
    /// <param name="text">The candidate.</param>
    /// <returns><see langword="true"/> when the text could be a token.</returns>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        if (text.Length != Length || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text[Prefix.Length..])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A fresh token from the system's cryptographic random generator.</summary>
    internal static SessionToken NewRandom()
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        var token = new SessionToken(Prefix + Base64Url.EncodeToString(random));
        CryptographicOperations.ZeroMemory(random);
        return token;
    }

    /// <summary>Hashes this token into <paramref name="hash32"/>.</summary>
    internal void ComputeHash(Span<byte> hash32) => TryComputeHash(_value, hash32);

    /// <summary>
    /// Hashes well-formed token text (SHA-256 of its ASCII bytes) into <paramref name="hash32"/>; returns false
    /// without hashing when the text is not shaped like a token.
    /// </summary>
    internal static bool TryComputeHash(ReadOnlySpan<char> text, Span<byte> hash32)
    {
        if (!IsWellFormed(text))
        {
            return false;
        }

        Span<byte> ascii = stackalloc byte[Length];
        for (var i = 0; i < Length; i++)
        {
            ascii[i] = (byte)text[i];
        }

        SHA256.HashData(ascii, hash32);
        CryptographicOperations.ZeroMemory(ascii);
        return true;
    }

    /// <summary>The table key of a token hash: its first eight bytes. The full hash is compared in constant time.</summary>
    internal static ulong KeyOf(ReadOnlySpan<byte> hash32) => BinaryPrimitives.ReadUInt64LittleEndian(hash32);
}
