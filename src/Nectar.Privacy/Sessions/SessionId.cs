using System.Buffers.Text;
using System.Security.Cryptography;

namespace Nectar.Privacy.Sessions;

/// <summary>
/// The public name of a session (<c>sid_</c> and 22 URL-safe characters): safe to log, list and send, and
/// unrelated to the session's token, so knowing it grants nothing.
/// </summary>
public readonly record struct SessionId
{
    private const string Prefix = "sid_";

    private readonly string? _value;

    private SessionId(string value) => _value = value;

    /// <summary>The identifier text (empty for <c>default</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Wraps identifier text received from elsewhere (e.g. an administrator's revocation request).</summary>
    /// <param name="value">The identifier text.</param>
    /// <returns>The identifier.</returns>
    public static SessionId FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new SessionId(value);
    }

    /// <summary>The identifier text.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    /// <summary>A fresh random identifier (128 bits).</summary>
    internal static SessionId NewRandom()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return new SessionId(Prefix + Base64Url.EncodeToString(random));
    }
}
