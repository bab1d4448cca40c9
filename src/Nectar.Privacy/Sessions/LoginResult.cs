using System.Diagnostics.CodeAnalysis;

namespace Nectar.Privacy.Sessions;

/// <summary>The outcome of a sign-in: a new session, or a refusal with a client-safe explanation.</summary>
public sealed class LoginResult
{
    private LoginResult(SessionGrant? grant, LoginError error, string message)
    {
        Grant = grant;
        Error = error;
        Message = message;
    }

    /// <summary>The new session; <see langword="null"/> when refused.</summary>
    public SessionGrant? Grant { get; }

    /// <summary>Why the sign-in was refused; <see cref="LoginError.None"/> on success.</summary>
    public LoginError Error { get; }

    /// <summary>
    /// A sentence for the client. It never distinguishes a bad signature from an account that is not admitted, and
    /// never contains a token or a signature.
    /// </summary>
    public string Message { get; }

    /// <summary>Whether a session was started.</summary>
    [MemberNotNullWhen(true, nameof(Grant))]
    public bool Succeeded => Grant is not null;

    /// <summary>The outcome in words; never the token.</summary>
    /// <returns>The error and message, or the session id on success.</returns>
    public override string ToString() => Grant is not null ? $"Signed in: {Grant.Session.Id}" : $"{Error}: {Message}";

    internal static LoginResult Success(SessionGrant grant) => new(grant, LoginError.None, "Signed in.");

    internal static LoginResult Fail(LoginError error, string message) => new(null, error, message);
}
